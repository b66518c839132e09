package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Redaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlSecretsTest {

    @Test
    void gemfuryTakesTheTokenBeforeTheAccount() {
        assertThat(UrlSecrets.pathToken("https://pypi.fury.io/fAkE0tOkEn123/acme/")).contains("fAkE0tOkEn123");
        assertThat(Redaction.mask("https://pypi.fury.io/fAkE0tOkEn123/acme/")).isEqualTo("https://pypi.fury.io/***/acme/");
    }

    @Test
    void cloudsmithTakesAnEntitlementTokenUnlessThePathSaysPublicOrBasic() {
        String url = "https://dl.cloudsmith.io/Xq7Fake42/acme/internal/python/simple/";
        assertThat(UrlSecrets.pathToken(url)).contains("Xq7Fake42");
        assertThat(Redaction.mask(url)).isEqualTo("https://dl.cloudsmith.io/***/acme/internal/python/simple/");
        assertThat(UrlSecrets.pathToken("https://dl.cloudsmith.io/public/acme/tools/python/simple/")).isEmpty();
        assertThat(UrlSecrets.pathToken("https://dl.cloudsmith.io/basic/acme/tools/python/simple/")).isEmpty();
    }

    @Test
    void anacondaTakesTheTokenAfterT() {
        assertThat(UrlSecrets.pathToken("https://pypi.anaconda.org/t/ab-12-cd/acme/simple")).contains("ab-12-cd");
        assertThat(Redaction.mask("https://conda.anaconda.org/t/ab-12-cd/acme")).isEqualTo(
                "https://conda.anaconda.org/t/***/acme");
        assertThat(UrlSecrets.pathToken("https://pypi.anaconda.org/acme/simple")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://pypi.fury.io/acme/",
        "https://pypi.fury.io/${FURY_TOKEN}/acme/",
        "https://pypi.fury.io",
        "https://pypi.fury.io?x=/a/b",
        "https://pypi.org/simple/numpy/",
        "https://nexus.acme.example/repository/pypi/simple",
        "not a url",
        "",
        "https://dl.cloudsmith.io/",
    })
    void noTokenWhereNoneIsWrittenOrTheHostTakesNone(String url) {
        assertThat(UrlSecrets.pathToken(url)).isEmpty();
        assertThat(Redaction.mask(url)).isEqualTo(url);
    }

    @Test
    void reportsMaskUserInfoAndPathTokenWhateverTheCaseOfTheHost() {
        assertThat(Redaction.mask("https://bot:hunter2@PyPI.Fury.io/tok3n/acme/?x=1#f"))
                .isEqualTo("https://***@PyPI.Fury.io/***/acme/?x=1#f");
    }
}
