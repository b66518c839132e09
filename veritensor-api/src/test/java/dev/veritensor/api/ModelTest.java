package dev.veritensor.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value types' contracts: normalization, pins, internal scope, text decoding and locations. */
class ModelTest {

    private static final Location AT = Location.ofLine("r.txt", 1, 1, 2);

    @Test
    void namesAreNormalizedPerPep503() {
        assertThat(Dependency.normalize("Python_Dateutil")).isEqualTo("python-dateutil");
        assertThat(Dependency.normalize("zope.interface")).isEqualTo("zope-interface");
        assertThat(Dependency.normalize("a-_.b")).isEqualTo("a-b");
    }

    @Test
    void onlyOneExactVersionIsAPin() {
        for (String pinned : List.of("==1.2.3", "===1.0-custom", "==2.0+local")) {
            assertThat(Dependency.registry("x", pinned, AT, AT).isExactPin()).as(pinned).isTrue();
        }
        for (String floating : List.of("", ">=1", "~=1.2", "==1.*", "!=1.0", "==1.0,<2", "<2")) {
            assertThat(Dependency.registry("x", floating, AT, AT).isExactPin()).as(floating).isFalse();
        }
    }

    @Test
    void internalScopeMatchesGlobsAndCanonicalUrls() {
        InternalScope scope = new InternalScope(List.of("corp-*", "Acme_Utils"), List.of("https://Pypi.Corp.example/simple/"));
        assertThat(scope.isInternalPackage("corp-data-loader")).isTrue();
        assertThat(scope.isInternalPackage("acme.utils")).isTrue();
        assertThat(scope.isInternalPackage("corporate")).isFalse();
        assertThat(scope.isInternalIndex("https://user:pw@pypi.corp.example/simple")).isTrue();
        assertThat(scope.isInternalIndex("https://pypi.org/simple")).isFalse();
        assertThat(InternalScope.none().isConfigured()).isFalse();
    }

    @Test
    void textDecodingDropsBomAndSplitsEveryLineEnding() throws Exception {
        byte[] bytes = "\uFEFFa\r\nbb\rccc\n".getBytes(StandardCharsets.UTF_8);
        SourceText t = SourceText.decode("f.txt", bytes);
        assertThat(t.lines()).containsExactly("a", "bb", "ccc");
        assertThat(t.lineAt(t.content().indexOf("ccc"))).isEqualTo(3);
        assertThat(t.span(t.content().indexOf("bb"), t.content().indexOf("bb") + 2))
                .isEqualTo(Location.ofLine("f.txt", 2, 1, 3));
        assertThat(SourceText.of("e", "").lineCount()).isEqualTo(1);
        assertThat(SourceText.of("s", "  x y \t").lineSpan(1)).isEqualTo(Location.ofLine("s", 1, 3, 6));
    }

    @Test
    void binaryAndInvalidUtf8AreRefusedWithTheOffset() {
        assertThatThrownBy(() -> SourceText.decode("b", new byte[] {'a', 0, 'b'}))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("offset 1");
        assertThatThrownBy(() -> SourceText.decode("l", new byte[] {'a', (byte) 0xE4, 'b'}))
                .isInstanceOf(DocumentParseException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void locationsAndPathsAreValidated() {
        assertThatThrownBy(() -> new Location("a", 0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location("a", 2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("/etc/passwd", "a/../b", "a//b", "", "a\\b", "./a")) {
            assertThatThrownBy(() -> Source.of(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Source.of("dist/x.whl!/x.pth", "import os").fileName()).isEqualTo("x.pth");
    }

    @Test
    void ruleIdsArePackSlashKebab() {
        assertThatThrownBy(() -> RuleInfo.builder("NoSlash").title("t").severity(Severity.LOW).description("d")
                .remediation("r").build()).isInstanceOf(IllegalArgumentException.class);
        RuleInfo info = RuleInfo.builder("pip/some-rule").title("t").severity(Severity.LOW).description("d")
                .remediation("r").tags("CWE-1", "x").build();
        assertThat(info.pack()).isEqualTo("pip");
        assertThat(info.cwes()).containsExactly("CWE-1");
        assertThat(Severity.parse("High")).contains(Severity.HIGH);
        assertThat(Severity.CRITICAL.isAtLeast(Severity.HIGH)).isTrue();
    }
}
