package dev.veritensor.rules.pip.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvReferencesTest {

    @Test
    void findsPipStyleReferencesOnly() {
        assertThat(EnvReferences.find("https://${USER}:${API_TOKEN_2}@h/simple"))
                .containsExactly(new EnvReferences.Reference("USER", 8, 15),
                        new EnvReferences.Reference("API_TOKEN_2", 16, 30));
        assertThat(EnvReferences.find("$USER ${lower} ${} ${A-B} ${UNCLOSED")).isEmpty();
        assertThat(EnvReferences.find("${${INNER}}")).containsExactly(new EnvReferences.Reference("INNER", 2, 10));
        assertThat(EnvReferences.contains("==${V}")).isTrue();
        assertThat(EnvReferences.contains("==1.0")).isFalse();
    }

    @Test
    void onlyReferences() {
        assertThat(EnvReferences.isOnlyReferences("${USER}:${TOKEN}")).isTrue();
        assertThat(EnvReferences.isOnlyReferences("${TOKEN}")).isTrue();
        assertThat(EnvReferences.isOnlyReferences("user:${TOKEN}")).isFalse();
        assertThat(EnvReferences.isOnlyReferences("${USER}:secret")).isFalse();
        assertThat(EnvReferences.isOnlyReferences(":${TOKEN}")).isFalse();
        assertThat(EnvReferences.isOnlyReferences("")).isFalse();
    }
}
