package dev.veritensor.rules.pip.conf;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PipConfParserTest {

    private final PipConfParser parser = new PipConfParser();
    private final InMemoryParseContext context = new InMemoryParseContext();

    private PipConfDocument parse(String path, String text) throws Exception {
        return (PipConfDocument) parser.parse(context.add(path, text), context).get(0);
    }

    @ParameterizedTest
    @CsvSource({"pip.conf, true", "etc/pip.conf, true", ".config/pip/pip.conf, true", "win/PIP.INI, true",
            "pip.cfg, false", "pip.conf.example, false", "mypip.conf, false"})
    void acceptsPipConfigFiles(String path, boolean accepted) {
        assertThat(parser.accepts(Source.of(path, ""))).isEqualTo(accepted);
    }

    @Test
    void readsIndexSettingsOfTheInstallSections() throws Exception {
        PipConfDocument doc = parse("pip.conf", """
                [global]
                index_url = https://pypi.corp.example/simple
                extra-index-url = https://a.example/simple
                    https://b.example/simple  ${EXTRA}
                trusted-host = a.example b.example
                [install]
                find-links =
                    ./wheels
                --no-index = yes
                require_hashes = on
                [freeze]
                extra-index-url = https://ignored.example/simple
                [download]
                no-index = off
                """);
        assertThat(doc.indexSettings()).extracting(IndexSetting::role, IndexSetting::url).containsExactly(
                tuple(IndexSetting.Role.PRIMARY, "https://pypi.corp.example/simple"),
                tuple(IndexSetting.Role.EXTRA, "https://a.example/simple"),
                tuple(IndexSetting.Role.EXTRA, "https://b.example/simple"),
                tuple(IndexSetting.Role.EXTRA, "${EXTRA}"),
                tuple(IndexSetting.Role.TRUSTED_HOST, "a.example"),
                tuple(IndexSetting.Role.TRUSTED_HOST, "b.example"),
                tuple(IndexSetting.Role.FIND_LINKS, "./wheels"),
                tuple(IndexSetting.Role.NO_INDEX, ""));
        assertThat(doc.indexSettings().get(0).location()).isEqualTo(Location.ofLine("pip.conf", 2, 13, 45));
        assertThat(doc.optionName(doc.indexSettings().get(0))).contains(Location.ofLine("pip.conf", 2, 1, 10));
        assertThat(doc.indexSettings().get(3).location()).isEqualTo(Location.ofLine("pip.conf", 4, 31, 39));
        assertThat(doc.indexSettings().get(5).location()).isEqualTo(Location.ofLine("pip.conf", 5, 26, 35));
        assertThat(doc.optionName(doc.indexSettings().get(2))).contains(Location.ofLine("pip.conf", 3, 1, 16));
        assertThat(doc.requireHashes()).contains(Location.ofLine("pip.conf", 10, 1, 15));
        assertThat(doc.primaryIndexOption()).isEqualTo("index-url");
        assertThat(context.diagnostics()).isEmpty();
    }

    @Test
    void defaultSectionCountsOnlyWhenInherited() throws Exception {
        assertThat(parse("a/pip.conf", "[DEFAULT]\nextra-index-url = https://x\n[global]\ntimeout = 1\n")
                .indexSettings()).hasSize(1);
        assertThat(parse("b/pip.conf", "[DEFAULT]\nextra-index-url = https://x\n[freeze]\nall = 1\n")
                .indexSettings()).isEmpty();
    }

    @Test
    void reportsWhatPipRefuses() throws Exception {
        PipConfDocument doc = parse("pip.ini", """
                index-url = http://no-section.example
                [global]
                no-index = maybe
                extra-index-url = https://kept.example/simple
                """);
        assertThat(doc.indexSettings()).extracting(IndexSetting::url).containsExactly("https://kept.example/simple");
        assertThat(context.diagnostics()).extracting(Diagnostic::code, d -> d.location().startLine())
                .containsExactly(tuple("invalid-config", 1), tuple("invalid-config", 3));
    }
}
