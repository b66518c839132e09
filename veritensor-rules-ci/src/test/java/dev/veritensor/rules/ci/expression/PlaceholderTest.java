package dev.veritensor.rules.ci.expression;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderTest {

    @Test
    void findsEveryPlaceholderWithItsOffsets() {
        String text = "echo \"${{ github.event.issue.title }}\" && echo ${{format('}}', env.X)}}";
        List<Placeholder> found = Placeholder.scan(text);
        assertThat(found).hasSize(2);
        Placeholder first = found.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("${{ github.event.issue.title }}");
        assertThat(first.inner()).isEqualTo(" github.event.issue.title ");
        assertThat(first.expression()).isPresent();
        Placeholder second = found.get(1);
        assertThat(second.inner()).isEqualTo("format('}}', env.X)");
        assertThat(second.end()).isEqualTo(text.length());
        assertThat(second.problem()).isEmpty();
    }

    @Test
    void reportsSyntaxErrorsAndUnterminatedPlaceholders() {
        List<Placeholder> bad = Placeholder.scan("a ${{ github. }} b ${{ x");
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0).expression()).isEmpty();
        assertThat(bad.get(0).problem()).contains("property name expected");
        assertThat(bad.get(1).problem()).contains("not closed");
        assertThat(bad.get(1).end()).isEqualTo(24);
    }

    @Test
    void textWithoutPlaceholdersHasNone() {
        assertThat(Placeholder.scan("echo ${HOME} $((1+1)) {{ x }}")).isEmpty();
    }
}
