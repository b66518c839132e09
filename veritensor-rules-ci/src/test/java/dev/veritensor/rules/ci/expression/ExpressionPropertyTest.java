package dev.veritensor.rules.ci.expression;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomized tests of the expression parser: random syntax trees rendered with random
 * spacing parse back to the same tree with spans that cover exactly each node's text, and random
 * character soup either parses or is rejected with {@link ExpressionSyntaxException}, never
 * anything else.
 */
class ExpressionPropertyTest {

    private static final String[] CONTEXTS = {"github", "env", "secrets", "matrix", "steps", "inputs", "needs", "vars"};
    private static final String[] NAMES = {"event", "issue", "title", "head_ref", "pull-request", "outputs", "x_1", "sha"};
    private static final String[] FUNCTIONS = {"format", "toJSON", "fromJSON", "contains", "startsWith", "join",
        "hashFiles", "success"};
    private static final String[] NUMBERS = {"0", "711", "-9.2", "0xff", "-2.99e-2", "1e3"};
    private static final Expr.Operator[] OPERATORS = Expr.Operator.values();

    /** Renders a random expression of at most {@code depth} levels into {@code out}; returns its canonical form. */
    private static String generate(Random r, int depth, StringBuilder out) {
        int kind = depth <= 0 ? r.nextInt(3) : r.nextInt(9);
        switch (kind) {
            case 0 -> {
                String[] lits = {"null", "true", "false", NUMBERS[r.nextInt(NUMBERS.length)], null};
                String lit = lits[r.nextInt(lits.length)];
                if (lit == null) {
                    String s = randomText(r);
                    out.append('\'').append(s.replace("'", "''")).append('\'');
                    return "'" + s + "'";
                }
                out.append(lit);
                return lit;
            }
            case 1, 2 -> {
                String c = CONTEXTS[r.nextInt(CONTEXTS.length)];
                out.append(c);
                StringBuilder canonical = new StringBuilder(c);
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int access = r.nextInt(4);
                    if (access == 0) {
                        out.append(".*");
                        canonical.append(".*");
                    } else if (access == 1 && depth > 0) {
                        out.append('[').append(space(r));
                        String inner = generate(r, depth - 1, out);
                        out.append(space(r)).append(']');
                        canonical.append('[').append(inner).append(']');
                    } else {
                        String name = NAMES[r.nextInt(NAMES.length)];
                        out.append('.').append(name);
                        canonical.append('.').append(name);
                    }
                }
                return canonical.toString();
            }
            case 3, 4 -> {
                String f = FUNCTIONS[r.nextInt(FUNCTIONS.length)];
                out.append(f).append('(');
                int n = r.nextInt(4);
                List<String> args = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.append(space(r)).append(',').append(space(r));
                    }
                    args.add(generate(r, depth - 1, out));
                }
                out.append(space(r)).append(')');
                return f + "(" + String.join(", ", args) + ")";
            }
            case 5 -> {
                out.append('!');
                out.append('(');
                String inner = generate(r, depth - 1, out);
                out.append(')');
                return "!" + inner;
            }
            default -> {
                Expr.Operator op = OPERATORS[r.nextInt(OPERATORS.length)];
                out.append('(');
                String left = generate(r, depth - 1, out);
                out.append(')').append(space(r)).append(op.symbol()).append(space(r)).append('(');
                String right = generate(r, depth - 1, out);
                out.append(')');
                return "(" + left + " " + op.symbol() + " " + right + ")";
            }
        }
    }

    private static String space(Random r) {
        return " ".repeat(r.nextInt(3));
    }

    private static String randomText(Random r) {
        String alphabet = "ab '}{$\"\n\\";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int k = 0; k < n; k++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void randomTreesRoundTrip() throws Exception {
        Random r = new Random(0x5EED_0001L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder(space(r));
            String expected = generate(r, 4, text);
            text.append(space(r));
            String source = text.toString();
            Expr parsed = ExpressionParser.parse(source);
            assertThat(ExpressionParserTest.show(parsed)).as(source).isEqualTo(expected);
            checkSpans(source, parsed);
        }
    }

    /** Each node's span, parsed on its own, gives the node again. */
    private static void checkSpans(String source, Expr e) throws ExpressionSyntaxException {
        String own = source.substring(e.start(), e.end());
        assertThat(ExpressionParserTest.show(ExpressionParser.parse(own))).as("span of " + own)
                .isEqualTo(ExpressionParserTest.show(e));
        for (Expr child : children(e)) {
            assertThat(child.start()).isGreaterThanOrEqualTo(e.start());
            assertThat(child.end()).isLessThanOrEqualTo(e.end());
            checkSpans(source, child);
        }
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Property p) {
            return List.of(p.target());
        } else if (e instanceof Expr.Index i) {
            return List.of(i.target(), i.index());
        } else if (e instanceof Expr.Wildcard w) {
            return List.of(w.target());
        } else if (e instanceof Expr.Call c) {
            return c.arguments();
        } else if (e instanceof Expr.Not n) {
            return List.of(n.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        return List.of();
    }

    @Test
    void randomTextParsesOrIsRejected() {
        Random r = new Random(0x5EED_0002L);
        String alphabet = "abgithub.ev*[]()'!=<>&|, 0x9-e\t{}$";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                Expr e = ExpressionParser.parse(sb.toString());
                assertThat(e.end()).isLessThanOrEqualTo(sb.length());
            } catch (ExpressionSyntaxException expected) {
                assertThat(expected.offset()).isBetween(0, sb.length());
            } catch (RuntimeException | StackOverflowError e) {
                fail("parser threw " + e + " for " + sb);
            }
        }
    }
}
