package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupScriptParserTest {

    @Test
    void readsTheSetupScriptsPipRuns() {
        SetupScriptParser parser = new SetupScriptParser();
        assertThat(parser.accepts(Source.of("setup.py", ""))).isTrue();
        assertThat(parser.accepts(Source.of("libs/core/setup.py", ""))).isTrue();
        assertThat(parser.accepts(Source.of("dist/x-1.0.tar.gz!/x-1.0/setup.py", ""))).isTrue();
        assertThat(parser.accepts(Source.of("dist/x-1.0.zip!/setup.py", ""))).isTrue();
        assertThat(parser.accepts(Source.of("dist/x-1.0.tar.gz!/x-1.0/tests/data/setup.py", ""))).isFalse();
        assertThat(parser.accepts(Source.of("dist/x-1.0-py3-none-any.whl!/setup.py", ""))).isFalse();
        assertThat(parser.accepts(Source.of("setup.pyc", ""))).isFalse();
        assertThat(parser.accepts(Source.of("my_setup.py", ""))).isFalse();
    }

    @Test
    void aCodingDeclarationIsHonouredAndUndecodableTextIsRefused() throws Exception {
        InMemoryParseContext context = new InMemoryParseContext();
        byte[] latin = "# -*- coding: latin-1 -*-\n# caf\u00e9\nimport os\nos.system('x')\n".getBytes(StandardCharsets.ISO_8859_1);
        SetupScriptDocument doc = (SetupScriptDocument) new SetupScriptParser()
                .parse(context.add("setup.py", latin), context).get(0);
        assertThat(doc.code().references()).anyMatch(r -> r.name().equals("os.system"));
        byte[] noDeclaration = "# caf\u00e9\nimport os\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new SetupScriptParser().parse(context.add("b/setup.py", noDeclaration), context))
                .isInstanceOf(dev.veritensor.api.DocumentParseException.class);
    }
}
