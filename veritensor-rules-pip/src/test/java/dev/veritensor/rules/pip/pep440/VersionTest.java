package dev.veritensor.rules.pip.pep440;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {

    private static Version v(String text) {
        return Version.parse(text).orElseThrow(() -> new AssertionError("not a version: " + text));
    }

    @Test
    void ordersAsPep440Does() {
        List<String> ascending = List.of("1.0.dev0", "1.0a1", "1.0a2.dev1", "1.0a2", "1.0b1", "1.0rc1", "1.0",
                "1.0+local.1", "1.0.post1.dev0", "1.0.post1", "1.0.1", "1.1", "2!0.1");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(v(ascending.get(i))).as(ascending.get(i) + " < " + ascending.get(i + 1))
                    .isLessThan(v(ascending.get(i + 1)));
        }
    }

    @Test
    void normalizesSpellings() {
        assertThat(v("1.0")).isEqualTo(v("1.0.0")).hasSameHashCodeAs(v("1.0.0"));
        assertThat(v("V1.0-ALPHA.1")).hasToString("1.0a1");
        assertThat(v("1.0-1")).hasToString("1.0.post1");
        assertThat(v("1.0.rev")).hasToString("1.0.post0");
        assertThat(v("1.0c3")).hasToString("1.0rc3");
        assertThat(v("1.0+Ubuntu-1")).hasToString("1.0+ubuntu.1");
    }

    @Test
    void localLabelsCompareNumericAfterAlphanumeric() {
        assertThat(v("1.0+abc")).isLessThan(v("1.0+5"));
        assertThat(v("1.0+5")).isLessThan(v("1.0+10"));
        assertThat(v("1.0+a")).isLessThan(v("1.0+a.1"));
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String bad : List.of("", "x", "1.0-beta-foo", "1..0", "1.0+", "99999999999999999999", "1.0 2.0",
                "${VERSION}")) {
            assertThat(Version.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void classifiesReleases() {
        assertThat(v("1.0rc1").isPrerelease()).isTrue();
        assertThat(v("1.0.dev3").isPrerelease()).isTrue();
        assertThat(v("1.0.post1").isPrerelease()).isFalse();
        assertThat(v("1.0.post1").isPostRelease()).isTrue();
        assertThat(v("1.2rc1.post3").baseVersion()).isEqualTo(v("1.2"));
    }
}
