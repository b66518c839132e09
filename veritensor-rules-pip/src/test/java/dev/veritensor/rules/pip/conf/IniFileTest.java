package dev.veritensor.rules.pip.conf;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IniFileTest {

    private static IniFile read(String text) {
        return IniFile.read(SourceText.of("pip.conf", text));
    }

    @Test
    void readsSectionsKeysAndMultiLineValues() {
        IniFile ini = read("""
                ; leading comment
                [global]
                Index-URL = https://a.example/simple   # not a comment
                extra-index-url =
                    https://b.example/simple

                    # skipped comment
                    https://c.example/simple
                timeout: 60
                [install]
                  trusted-host=h
                """);
        assertThat(ini.problems()).isEmpty();
        assertThat(ini.sections()).extracting(IniFile.Section::name).containsExactly("global", "install");
        IniFile.Section global = ini.sections().get(0);
        assertThat(global.location()).isEqualTo(Location.ofLine("pip.conf", 2, 1, 9));
        assertThat(global.entries()).extracting(IniFile.Entry::key)
                .containsExactly("index-url", "extra-index-url", "timeout");
        IniFile.Entry index = global.entries().get(0);
        assertThat(index.value()).isEqualTo("https://a.example/simple   # not a comment");
        assertThat(index.keyLocation()).isEqualTo(Location.ofLine("pip.conf", 3, 1, 10));
        IniFile.Entry extra = global.entries().get(1);
        assertThat(extra.value()).isEqualTo("\nhttps://b.example/simple\n\nhttps://c.example/simple");
        assertThat(extra.lines().get(1).location()).isEqualTo(Location.ofLine("pip.conf", 5, 5, 29));
        assertThat(extra.lines().get(3).location()).isEqualTo(Location.ofLine("pip.conf", 8, 5, 29));
        assertThat(global.entries().get(2).value()).isEqualTo("60");
        assertThat(ini.sections().get(1).entries().get(0).keyLocation()).isEqualTo(Location.ofLine("pip.conf", 11, 3, 15));
    }

    @Test
    void trailingBlankLinesAreNotPartOfTheValue() {
        IniFile ini = read("[global]\nindex-url = x\n\n\nno-index = 1\n");
        assertThat(ini.sections().get(0).entries().get(0).lines()).hasSize(1);
        assertThat(ini.sections().get(0).entries().get(1).value()).isEqualTo("1");
    }

    @Test
    void collectsWhatConfigparserRefuses() {
        IniFile ini = read("""
                index-url = before-any-section
                [global]
                just some words
                = no key
                index-url = a
                index-url = b
                [global]
                []
                """);
        assertThat(ini.problems()).extracting(p -> p.location().startLine()).containsExactly(1, 3, 4, 6, 7, 8);
        assertThat(ini.problems().get(3).message()).isEqualTo("key 'index-url' appears twice in section [global]");
    }

    @Test
    void anInvalidLineKeepsThePreviousKeyOpen() {
        IniFile ini = read("[global]\nextra-index-url = a\nbroken\n    b\n");
        assertThat(ini.sections().get(0).entries().get(0).value()).isEqualTo("a\nb");
    }

    @Test
    void headerTakesEverythingUpToTheLastBracket() {
        IniFile ini = read("[a]b] trailing\nk=v\n");
        assertThat(ini.sections().get(0).name()).isEqualTo("a]b");
    }
}
