package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecordParserTest {

    private static final String PATH = "dist/p-1-py3-none-any.whl!/p-1.dist-info/RECORD";

    @Test
    void csvQuotingAndLocations() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        WheelRecord record = RecordParser.parse(SourceText.of(PATH, String.join("\r\n",
                "p/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0",
                "\"p/a, b.py\",sha256=abc==,12",
                "\"p/\"\"q\"\".py\",,",
                "",
                "only,two",
                "\"multi",
                "line\",sha512=x,5",
                "p-1.dist-info/RECORD,,",
                "")), "p-1.dist-info/RECORD", diagnostics::add);
        assertThat(record.rows()).extracting(RecordRow::path).containsExactly("p/__init__.py", "p/a, b.py", "p/\"q\".py",
                "multi\r\nline", "p-1.dist-info/RECORD");
        assertThat(record.rows().get(1).digest()).contains("abc");
        assertThat(record.rows().get(1).algorithm()).contains("sha256");
        assertThat(record.rows().get(2).algorithm()).isEmpty();
        assertThat(record.rows().get(2).sizeValue()).isEqualTo(OptionalLong.empty());
        assertThat(record.rows().get(0).sizeValue()).hasValue(0);
        assertThat(record.rows().get(1).location()).isEqualTo(Location.ofLine(PATH, 2, 1, 28));
        assertThat(record.rows().get(3).location()).isEqualTo(new Location(PATH, 6, 1, 7, 17));
        assertThat(diagnostics).extracting(d -> d.code() + "@" + d.location().startLine())
                .containsExactly("invalid-record-row@5");
        assertThat(record.distInfo()).isEqualTo("p-1.dist-info");
        assertThat(record.isExempt("p-1.dist-info/RECORD.jws")).isTrue();
        assertThat(record.isExempt("p-1.dist-info/RECORD.p7s")).isTrue();
        assertThat(record.isExempt("other.dist-info/RECORD.jws")).isFalse();
    }

    @Test
    void sizesMustBeDecimal() {
        Location at = Location.ofFile(PATH);
        assertThat(new RecordRow("a", "", "-1", at).sizeValue()).isEmpty();
        assertThat(new RecordRow("a", "", "1e3", at).sizeValue()).isEmpty();
        assertThat(new RecordRow("a", "", "9".repeat(30), at).sizeValue()).isEmpty();
        assertThat(new RecordRow("a", "sha256=", "", at).digest()).isEmpty();
    }
}
