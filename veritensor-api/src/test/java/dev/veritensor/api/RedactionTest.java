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
    void leavesUrlsWithoutCredentialsAndAddressesAlone() {
        String plain = "https://pypi.org/simple and git@github.com:org/repo.git and a@b.c";
        assertThat(Redaction.mask(plain)).isEqualTo(plain);
        assertThat(Redaction.hasCredentials("https://pypi.org/simple")).isFalse();
        assertThat(Redaction.hasCredentials("https://token@host/simple")).isTrue();
        assertThat(Redaction.stripCredentials("https://u:p@host/simple")).isEqualTo("https://host/simple");
    }
}
