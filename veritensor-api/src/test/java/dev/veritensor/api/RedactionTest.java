package dev.veritensor.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void masksEveryFormOfUserInfo() {
        assertThat(Redaction.mask("index 'https://alice:s3cret@pypi.example/simple' here"))
                .isEqualTo("index 'https://***@pypi.example/simple' here");
        assertThat(Redaction.mask("https://ghp_abc123@github.com/x")).isEqualTo("https://***@github.com/x");
        assertThat(Redaction.mask("http://admin:<TOKEN>@nexus.local/repo")).isEqualTo("http://***@nexus.local/repo");
        assertThat(Redaction.mask("git+https://u:p'\"q@h/x.git and https://v:w@h2/")).doesNotContain("p'\"q")
                .doesNotContain(":w@").contains("git+https://***@h/x.git").contains("https://***@h2/");
    }

    @Test
    void masksTokenShapedCredentialsAnywhere() {
        String gh = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String hf = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz01234567";
        String aws = "AKIA" + "ABCDEFGHIJKLMNOP";
        String masked = Redaction.mask("token " + gh + " and HF_TOKEN=" + hf + ", key " + aws + ".");
        assertThat(masked).isEqualTo("token ghp_*** and HF_TOKEN=hf_***, key AKIA***.");
        assertThat(Redaction.tokens("x " + gh)).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo("GitHub token"));
        assertThat(Redaction.mask("ghp_short sk-learn hf_x")).isEqualTo("ghp_short sk-learn hf_x");
    }

    @Test
    void masksAccessTokensThatHostedIndexesTakeInThePath() {
        assertThat(Redaction.mask("--extra-index-url https://pypi.fury.io/q1W2e3R4t5Y6u7I8/acme/ now"))
                .isEqualTo("--extra-index-url https://pypi.fury.io/***/acme/ now");
        assertThat(Redaction.mask("'https://dl.cloudsmith.io/AbC123dEf456/acme/ml/python/simple/'"))
                .isEqualTo("'https://dl.cloudsmith.io/***/acme/ml/python/simple/'");
        assertThat(Redaction.mask("https://pypi.anaconda.org/t/ab-12cd-34ef/acme/simple"))
                .isEqualTo("https://pypi.anaconda.org/t/***/acme/simple");
        assertThat(Redaction.tokens("https://pypi.fury.io/q1W2e3R4t5Y6u7I8/acme/")).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo("Gemfury token"));
        String publicForms = "https://pypi.fury.io/acme/ https://pypi.fury.io/${FURY_TOKEN}/acme/ "
                + "https://dl.cloudsmith.io/public/acme/ml/python/simple/ https://dl.cloudsmith.io/basic/acme/ml/ "
                + "https://pypi.anaconda.org/acme/simple";
        assertThat(Redaction.mask(publicForms)).isEqualTo(publicForms);
        assertThat(Redaction.mask("HTTPS://PYPI.FURY.IO/TOK3N/ACME/ and https://Pypi.Anaconda.Org/T/tok/acme"))
                .isEqualTo("HTTPS://PYPI.FURY.IO/***/ACME/ and https://Pypi.Anaconda.Org/T/***/acme");
    }

    @Test
    void leavesUrlsWithoutCredentialsAndAddressesAlone() {
        String plain = "https://pypi.org/simple and git@github.com:org/repo.git and a@b.c";
        assertThat(Redaction.mask(plain)).isEqualTo(plain);
        assertThat(Redaction.hasCredentials("https://pypi.org/simple")).isFalse();
        assertThat(Redaction.hasCredentials("https://token@host/simple")).isTrue();
        assertThat(Redaction.stripCredentials("https://u:p@host/simple")).isEqualTo("https://host/simple");
    }
}
