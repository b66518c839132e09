package dev.veritensor.rules.pip.pep440;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTest {

    private static boolean pep440(String spec, String version) {
        return Constraints.pep440(spec).orElseThrow().allows(Version.parse(version).orElseThrow());
    }

    private static boolean poetry(String spec, String version) {
        return Constraints.poetry(spec).orElseThrow().allows(Version.parse(version).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ">=1.0,<2        | 1.5       | true",
            ">=1.0,<2        | 2.0       | false",
            "<2              | 2.0rc1    | false",
            "<2rc2           | 2.0rc1    | true",
            "<2              | 1.9.post1 | true",
            ">1.0            | 1.0.post1 | false",
            ">1.0.post1      | 1.0.post2 | true",
            ">1.0            | 1.0+local | false",
            "==1.*           | 1.9.3     | true",
            "==1.*           | 2.0       | false",
            "==1.4.*         | 1.4       | true",
            "!=1.4.*         | 1.4.2     | false",
            "~=1.4.5         | 1.4.9     | true",
            "~=1.4.5         | 1.5.0     | false",
            "~=1.4           | 1.9       | true",
            "~=1.4           | 2.0       | false",
            "==1.0           | 1.0+cu118 | true",
            "==1.0+cu118     | 1.0       | false",
            "===1.0          | 1.0       | true",
            "''              | 0.1       | true",
            "<=2.0           | 2.0+x     | true",
    })
    void pep440SpecifierSets(String spec, String version, boolean allowed) {
        assertThat(pep440(spec, version)).as(spec + " allows " + version).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "^1.2.3          ; 1.9       ; true",
            "^1.2.3          ; 2.0       ; false",
            "^1.2.3          ; 1.2.2     ; false",
            "^0.2.3          ; 0.2.9     ; true",
            "^0.2.3          ; 0.3.0     ; false",
            "^0.0.3          ; 0.0.4     ; false",
            "^0              ; 0.9       ; true",
            "^0              ; 1.0       ; false",
            "~1.2.3          ; 1.2.9     ; true",
            "~1.2.3          ; 1.3.0     ; false",
            "~1              ; 1.9       ; true",
            "~1              ; 2.0       ; false",
            "1.2.3           ; 1.2.3     ; true",
            "1.2.3           ; 1.2.4     ; false",
            "1.2.*           ; 1.2.7     ; true",
            "*               ; 99        ; true",
            ">=1.2 <2.0      ; 1.5       ; true",
            ">=1.2 <2.0      ; 2.1       ; false",
            ">= 1.2, < 2.0   ; 1.1       ; false",
            "^1.0 || ^3.0    ; 3.2       ; true",
            "^1.0 || ^3.0    ; 2.2       ; false",
            "=2.0            ; 2.0       ; true",
    })
    void poetryConstraints(String spec, String version, boolean allowed) {
        assertThat(poetry(spec, version)).as(spec + " allows " + version).isEqualTo(allowed);
    }

    @Test
    void poetryConstraintsReadAsPep440Text() {
        assertThat(Constraints.poetry("^1.2").orElseThrow().text()).isEqualTo(">=1.2,<2");
        assertThat(Constraints.poetry("1.2.3").orElseThrow().text()).isEqualTo("==1.2.3");
        assertThat(Constraints.poetry("*").orElseThrow().text()).isEmpty();
        assertThat(Constraints.poetry("^1 || ^3").orElseThrow().text()).isEqualTo(">=1,<2||>=3,<4");
    }

    @Test
    void unreadableTextIsEmptyNotAnException() {
        for (String bad : new String[] {"latest", ">=", "~=1", ">=1.*", "==1.0a1.*", "1.0 @ x", "||", "^x"}) {
            assertThat(Constraints.poetry(bad)).as("poetry " + bad).isEmpty();
        }
        for (String bad : new String[] {"1.0", ">=", "~=1", ">=1.*", "==1.*.1", ">=1,", "latest"}) {
            assertThat(Constraints.pep440(bad)).as("pep440 " + bad).isEmpty();
        }
    }
}
