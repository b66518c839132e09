package dev.veritensor.rules.ci.expression;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFlowTest {

    private static List<String> sources(String expression) throws ExpressionSyntaxException {
        return ValueFlow.sources(ExpressionParser.parse(expression)).stream()
                .map(s -> (s.serialized() ? "json:" : "") + s.path()).toList();
    }

    private static List<String> accesses(String expression) throws ExpressionSyntaxException {
        return ValueFlow.accesses(ExpressionParser.parse(expression)).stream()
                .map(s -> (s.serialized() ? "json:" : "") + s.path()).toList();
    }

    @Test
    void plainAccessYieldsItsPath() throws Exception {
        assertThat(sources("github.event.issue.title")).containsExactly("github.event.issue.title");
        assertThat(sources("GitHub.Event.Issue.Title")).containsExactly("github.event.issue.title");
        assertThat(sources("github.event['pull_request'].body")).containsExactly("github.event.pull_request.body");
        assertThat(sources("github.event.commits[0].message")).containsExactly("github.event.commits.*.message");
    }

    @Test
    void predicatesAndComparisonsYieldNoContextText() throws Exception {
        assertThat(sources("contains(github.event.issue.title, 'bug')")).isEmpty();
        assertThat(sources("github.event.issue.title == 'x'")).isEmpty();
        assertThat(sources("!github.event.issue.title")).isEmpty();
        assertThat(sources("startsWith(github.head_ref, 'release/')")).isEmpty();
        assertThat(sources("hashFiles(github.event.issue.title)")).isEmpty();
    }

    @Test
    void operatorsAndFunctionsPassValuesThrough() throws Exception {
        assertThat(sources("github.head_ref || 'main'")).containsExactly("github.head_ref");
        assertThat(sources("inputs.ref || github.head_ref")).containsExactly("inputs.ref", "github.head_ref");
        assertThat(sources("github.event_name == 'pull_request' && github.head_ref"))
                .containsExactly("github.head_ref");
        assertThat(sources("format('{0}-{1}', github.event.issue.title, env.X)"))
                .containsExactly("github.event.issue.title", "env.x");
        assertThat(sources("join(github.event.commits.*.message, ' ')")).containsExactly("github.event.commits.*.message");
        assertThat(sources("fromJSON(steps.meta.outputs.json).title")).containsExactly("steps.meta.outputs.json");
    }

    @Test
    void toJsonSerializesWholeObjects() throws Exception {
        assertThat(sources("toJSON(github.event)")).containsExactly("json:github.event");
        assertThat(sources("toJSON(format('{0}', github))")).containsExactly("json:github");
    }

    @Test
    void accessesIncludeTestedValuesAndIndexes() throws Exception {
        assertThat(accesses("secrets[matrix.name] != ''")).containsExactly("secrets.*", "matrix.name");
        assertThat(accesses("toJSON(secrets)")).containsExactly("json:secrets");
        assertThat(accesses("contains(github.event.issue.labels.*.name, 'ok') && success()"))
                .containsExactly("github.event.issue.labels.*.name");
    }

    @Test
    void contextPathsMatchPatterns() {
        ContextPath title = ContextPath.of("github.event.issue.title");
        assertThat(ContextPath.of("github.event.issue.title").reaches(title)).isTrue();
        assertThat(ContextPath.of("github.event.issue.title.length").reaches(title)).isTrue();
        assertThat(ContextPath.of("github.event.issue").reaches(title)).isFalse();
        assertThat(ContextPath.of("github.event.issue").contains(title)).isTrue();
        assertThat(ContextPath.of("github.event.*.title").reaches(title)).isTrue();
        assertThat(ContextPath.of("github.event.commits.*.message").reaches(ContextPath.of("github.event.commits.*.message")))
                .isTrue();
        assertThat(ContextPath.of("github.event.issue.number").reaches(title)).isFalse();
        assertThat(ContextPath.of("env.title").contains(title)).isFalse();
    }
}
