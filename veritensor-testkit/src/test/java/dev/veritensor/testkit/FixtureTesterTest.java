package dev.veritensor.testkit;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness must fail on a missing finding, an extra one, and a wrong line — or it proves nothing. */
class FixtureTesterTest {

    @TempDir
    Path dir;

    /** {@code *.todo} files; the rule reports each line starting with {@code TODO}. */
    static final class TodoPack implements RulePack {
        record TodoFile(Source source, SourceText text) implements Document {
            @Override
            public String kind() {
                return "todo";
            }
        }

        @Override
        public String id() {
            return "todo";
        }

        @Override
        public List<DocumentParser> parsers() {
            return List.of(new DocumentParser() {
                @Override
                public String id() {
                    return "todo/file";
                }

                @Override
                public boolean accepts(Source source) {
                    return source.fileName().endsWith(".todo");
                }

                @Override
                public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
                    SourceText text = context.text(source);
                    if (text.content().startsWith("!")) {
                        throw new DocumentParseException("cannot parse", Location.ofLine(source.path(), 1, 1, 2));
                    }
                    return List.of(new TodoFile(source, text));
                }
            });
        }

        @Override
        public List<Rule<?>> rules() {
            return List.of(new Rule<TodoFile>() {
                @Override
                public RuleInfo info() {
                    return RuleInfo.builder("todo/open-item").title("Open item").severity(Severity.LOW)
                            .description("A line starts with TODO.").remediation("Do it.").build();
                }

                @Override
                public Class<TodoFile> documentType() {
                    return TodoFile.class;
                }

                @Override
                public void check(TodoFile document, RuleContext context) {
                    for (int i = 1; i <= document.text().lineCount(); i++) {
                        if (document.text().line(i).startsWith("TODO")) {
                            context.report(document.text().lineSpan(i), "open item");
                        }
                    }
                }
            });
        }
    }

    private final FixtureTester tester = FixtureTester.forPacks(new TodoPack());

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void exactExpectationsPass() throws IOException {
        write("a.todo", "fine\nTODO one # expect: todo/open-item\n# expect-next-line: todo/open-item\nTODO two\n");
        write("b.todo", "!broken # expect-diagnostic: parse-error\n");
        assertThatCode(() -> tester.assertFixtures(dir)).doesNotThrowAnyException();
    }

    @Test
    void aMissingFindingFails() throws IOException {
        write("a.todo", "fine # expect: todo/open-item\n");
        assertThatThrownBy(() -> tester.assertFixtures(dir)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing:    a.todo:1 todo/open-item");
    }

    @Test
    void anExtraFindingFails() throws IOException {
        write("a.todo", "TODO # expect: todo/open-item\nTODO again\n");
        assertThatThrownBy(() -> tester.assertFixtures(dir)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("unexpected: a.todo:2 todo/open-item  — LOW open item");
    }

    @Test
    void anUnexpectedDiagnosticFails() throws IOException {
        write("b.todo", "!broken\n");
        assertThatThrownBy(() -> tester.assertFixtures(dir)).hasMessageContaining("unexpected: b.todo:1 diagnostic parse-error");
    }

    @Test
    void aDuplicateExpectationNeedsTwoFindings() throws IOException {
        write("a.todo", "TODO # expect: todo/open-item, todo/open-item\n");
        assertThatThrownBy(() -> tester.assertFixtures(dir)).hasMessageContaining("missing:    a.todo:1 todo/open-item");
    }

    @Test
    void proseMentioningTheSyntaxIsNotAnExpectation() throws IOException {
        write("notes.todo", "fine: write `# expect: rule-id` comments next to findings\n");
        assertThatCode(() -> tester.assertFixtures(dir)).doesNotThrowAnyException();
    }

    @Test
    void sidecarsCarryExpectationsForFilesWithoutComments() throws IOException {
        write("c.todo", "x\nTODO\n");
        write("c.todo.expect", "# line: rule\n2: todo/open-item\n");
        assertThatCode(() -> tester.assertFixtures(dir)).doesNotThrowAnyException();
        write("c.todo.expect", "1: todo/open-item\n");
        assertThatThrownBy(() -> tester.assertFixtures(dir)).hasMessageContaining("missing:    c.todo:1 todo/open-item");
    }

    @Test
    void sidecarsNameArchiveMembers() throws IOException {
        write("d.todo", "x\n");
        write("d.todo.expect", "!/inner/e.todo:4: todo/open-item\n1: diagnostic parse-error\n");
        assertThat(ExpectationReader.read(dir)).containsExactly(
                new Expectation("d.todo", 1, "parse-error", true),
                new Expectation("d.todo!/inner/e.todo", 4, "todo/open-item", false));
    }

    @Test
    void singleFileModeRejectsFindingsElsewhere() throws IOException {
        write("a.todo", "TODO # expect: todo/open-item\n");
        write("b.todo", "TODO\n");
        assertThatThrownBy(() -> tester.assertFixture(dir, "a.todo")).hasMessageContaining("unexpected: b.todo:1");
    }

    @Test
    void configurationTextAppliesToTheScan() throws IOException {
        write("a.todo", "TODO\n");
        assertThatCode(() -> tester.withConfig("[rules]\ndisable = [\"todo/open-item\"]\n").assertFixtures(dir))
                .doesNotThrowAnyException();
        assertThat(tester.scan(dir).findings()).hasSize(1);
    }

    @Test
    void dynamicTestsCoverEverySubFolder() throws IOException {
        Files.createDirectories(dir.resolve("one"));
        Files.createDirectories(dir.resolve("two"));
        Files.writeString(dir.resolve("one/x.todo"), "TODO # expect: todo/open-item\n");
        Files.writeString(dir.resolve("two/y.todo"), "fine\n");
        assertThat(tester.dynamicTests(dir).map(t -> t.getDisplayName()).toList()).containsExactly("one", "two");
    }
}
