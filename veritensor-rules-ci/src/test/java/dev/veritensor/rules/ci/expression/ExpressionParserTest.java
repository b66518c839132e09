package dev.veritensor.rules.ci.expression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

    /** A fully parenthesised rendering of the tree, for comparing structure. */
    static String show(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.kind() == Expr.LiteralKind.STRING ? "'" + l.value() + "'" : l.value();
        } else if (e instanceof Expr.ContextName c) {
            return c.name();
        } else if (e instanceof Expr.Property p) {
            return show(p.target()) + "." + p.name();
        } else if (e instanceof Expr.Index i) {
            return show(i.target()) + "[" + show(i.index()) + "]";
        } else if (e instanceof Expr.Wildcard w) {
            return show(w.target()) + ".*";
        } else if (e instanceof Expr.Call c) {
            StringBuilder sb = new StringBuilder(c.function()).append('(');
            for (int k = 0; k < c.arguments().size(); k++) {
                sb.append(k > 0 ? ", " : "").append(show(c.arguments().get(k)));
            }
            return sb.append(')').toString();
        } else if (e instanceof Expr.Not n) {
            return "!" + show(n.operand());
        } else if (e instanceof Expr.Binary b) {
            return "(" + show(b.left()) + " " + b.operator().symbol() + " " + show(b.right()) + ")";
        }
        throw new AssertionError(e);
    }

    private static String parse(String s) throws ExpressionSyntaxException {
        return show(ExpressionParser.parse(s));
    }

    @Test
    void literals() throws Exception {
        assertThat(ExpressionParser.parse("null")).isEqualTo(new Expr.Literal(Expr.LiteralKind.NULL, "null", 0, 4));
        assertThat(ExpressionParser.parse(" true ")).isEqualTo(new Expr.Literal(Expr.LiteralKind.BOOLEAN, "true", 1, 5));
        assertThat(ExpressionParser.parse("'It''s open source!'"))
                .isEqualTo(new Expr.Literal(Expr.LiteralKind.STRING, "It's open source!", 0, 20));
        for (String n : new String[] {"711", "-9.2", "0xff", "-2.99e-2", "1E3", "0"}) {
            assertThat(ExpressionParser.parse(n)).isEqualTo(new Expr.Literal(Expr.LiteralKind.NUMBER, n, 0, n.length()));
        }
    }

    @Test
    void contextAccessChains() throws Exception {
        assertThat(parse("github.event.pull_request.head.ref")).isEqualTo("github.event.pull_request.head.ref");
        assertThat(parse("steps.my-step.outputs.result")).isEqualTo("steps.my-step.outputs.result");
        assertThat(parse("github.event['issue'].title")).isEqualTo("github.event['issue'].title");
        assertThat(parse("github.event.commits.*.message")).isEqualTo("github.event.commits.*.message");
        assertThat(parse("github.event.commits[*].message")).isEqualTo("github.event.commits.*.message");
        assertThat(parse("secrets[ matrix.name ]")).isEqualTo("secrets[matrix.name]");
        assertThat(parse("fromJSON(steps.x.outputs.json).items[0]"))
                .isEqualTo("fromJSON(steps.x.outputs.json).items[0]");
    }

    @Test
    void precedenceAndAssociativity() throws Exception {
        assertThat(parse("a || b && c")).isEqualTo("(a || (b && c))");
        assertThat(parse("a && b || c")).isEqualTo("((a && b) || c)");
        assertThat(parse("a == b && c != d")).isEqualTo("((a == b) && (c != d))");
        assertThat(parse("a < b == c >= d")).isEqualTo("((a < b) == (c >= d))");
        assertThat(parse("a || b || c")).isEqualTo("((a || b) || c)");
        assertThat(parse("!a && !(b || c)")).isEqualTo("(!a && !(b || c))");
        assertThat(parse("!a == b")).isEqualTo("(!a == b)");
        assertThat(parse("(a || b) && c")).isEqualTo("((a || b) && c)");
    }

    @Test
    void functionCalls() throws Exception {
        assertThat(parse("format('{0} {1}', github.event.issue.title, env.X)"))
                .isEqualTo("format('{0} {1}', github.event.issue.title, env.X)");
        assertThat(parse("toJSON(github)")).isEqualTo("toJSON(github)");
        assertThat(parse("contains( github.event.pull_request.labels.*.name , 'ok' )"))
                .isEqualTo("contains(github.event.pull_request.labels.*.name, 'ok')");
        assertThat(parse("success()")).isEqualTo("success()");
        assertThat(parse("hashFiles('**/requirements.txt', '**/pyproject.toml')"))
                .isEqualTo("hashFiles('**/requirements.txt', '**/pyproject.toml')");
    }

    @Test
    void nodesKnowTheirSpans() throws Exception {
        String src = "format('x', github.event.issue.title) || 'y'";
        Expr.Binary or = (Expr.Binary) ExpressionParser.parse(src);
        Expr.Call call = (Expr.Call) or.left();
        Expr title = call.arguments().get(1);
        assertThat(src.substring(title.start(), title.end())).isEqualTo("github.event.issue.title");
        assertThat(src.substring(call.start(), call.end())).isEqualTo("format('x', github.event.issue.title)");
        assertThat(src.substring(or.right().start(), or.right().end())).isEqualTo("'y'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a ||", "(a", "a)", "'unterminated", "\"double\"", "a..b", "a.", "f(a,", "f(a b)",
        "1abc", "0x", "a[", "a[]", "&& a", "a = b", "a b", "@", "!"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void hostileNestingIsRejectedWithoutExhaustingTheStack() {
        int n = 100_000;
        String parens = "(".repeat(n) + "a" + ")".repeat(n);
        String nots = "!".repeat(n) + "a";
        String chain = "a" + ".b".repeat(n);
        String ors = "a" + " || a".repeat(n);
        String calls = "f(".repeat(n) + ")".repeat(n);
        String indexes = "a" + "[0]".repeat(n);
        for (String s : new String[] {parens, nots, chain, ors, calls, indexes}) {
            assertThatThrownBy(() -> ExpressionParser.parse(s)).isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining("deeper than");
        }
    }

    @Test
    void nestingUpToTheLimitParses() throws Exception {
        int n = ExpressionParser.MAX_DEPTH / 2 - 1;
        assertThat(ExpressionParser.parse("(".repeat(n) + "a" + ")".repeat(n))).isInstanceOf(Expr.ContextName.class);
    }
}
