package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequirementParserTest {

    private static final String PATH = "requirements.txt";

    private static Dependency parse(String text) throws RequirementSyntaxException {
        return RequirementParser.parse(text, TextOrigin.at(PATH, 1, 1)).dependency();
    }

    private static Dependency pip(String text) throws RequirementSyntaxException {
        return RequirementParser.parsePipArgument(text, TextOrigin.at(PATH, 1, 1)).dependency();
    }

    private static RequirementSyntaxException error(String text) {
        return catchThrowableOfType(RequirementSyntaxException.class,
                () -> RequirementParser.parse(text, TextOrigin.at(PATH, 1, 1)));
    }

    @Test
    void readsNameExtrasSpecifierAndMarker() throws Exception {
        Dependency d = parse("Django_Rest.Framework [crypto, dev] >= 3.0 , < 4 ; python_version >= \"3.8\"");
        assertThat(d.name()).isEqualTo("Django_Rest.Framework");
        assertThat(d.normalizedName()).isEqualTo("django-rest-framework");
        assertThat(d.extras()).containsExactly("crypto", "dev");
        assertThat(d.specifier()).isEqualTo(">=3.0,<4");
        assertThat(d.markers()).contains("python_version >= \"3.8\"");
        assertThat(d.kind()).isEqualTo(Dependency.Kind.REGISTRY);
        assertThat(d.url()).isEmpty();
        assertThat(d.isExactPin()).isFalse();
    }

    @Test
    void locationsAreExactAndExcludeSurroundingBlanks() throws Exception {
        Requirement r = RequirementParser.parse("  requests[socks]==2.31.0  ", TextOrigin.at("a/req.txt", 7, 3));
        assertThat(r.dependency().location()).isEqualTo(Location.ofLine("a/req.txt", 7, 5, 28));
        assertThat(r.dependency().nameLocation()).isEqualTo(Location.ofLine("a/req.txt", 7, 5, 13));
        assertThat(r.specifierLocation()).contains(Location.ofLine("a/req.txt", 7, 20, 28));
        assertThat(r.dependency().isExactPin()).isTrue();
    }

    @Test
    void locationsFollowPiecesOfJoinedLines() throws Exception {
        // "numpy >=1.0 ,<2" where ",<2" came from the next line, column 5
        TextOrigin origin = TextOrigin.builder(PATH).piece(0, 3, 1).piece(12, 4, 5).build();
        Requirement r = RequirementParser.parse("numpy >=1.0 ,<2", origin);
        assertThat(r.dependency().location()).isEqualTo(new Location(PATH, 3, 1, 4, 8));
        assertThat(r.dependency().specifier()).isEqualTo(">=1.0,<2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pkg==1.0|==1.0|true",
            "pkg===1.0-weird+thing|===1.0-weird+thing|true",
            "pkg == 1.0.post1|==1.0.post1|true",
            "pkg==1.0+local.7|==1.0+local.7|true",
            "pkg==v1!2.0rc1.dev3|==v1!2.0rc1.dev3|true",
            "pkg==1.*|==1.*|false",
            "pkg!=1.3.*|!=1.3.*|false",
            "pkg~=1.4.2|~=1.4.2|false",
            "pkg>1,<=2.0a1|>1,<=2.0a1|false",
            "pkg (>=1.0, !=1.5)|>=1.0,!=1.5|false",
            "pkg(==2.0)|==2.0|true",
            "pkg>=1.0,|>=1.0|false",
            "pkg|''|false",
            "pkg==${VERSION}|==${VERSION}|true",
    })
    void readsEveryOperator(String text, String specifier, boolean exact) throws Exception {
        Dependency d = parse(text);
        assertThat(d.specifier()).isEqualTo(specifier);
        assertThat(d.isExactPin()).isEqualTo(exact);
    }

    @Test
    void readsDirectReferencesAndClassifiesThem() throws Exception {
        Requirement vcs = RequirementParser.parse("lib @ git+https://github.com/org/lib.git@v1.2 ; os_name == 'posix'",
                TextOrigin.at(PATH, 2, 1));
        assertThat(vcs.dependency().kind()).isEqualTo(Dependency.Kind.VCS);
        assertThat(vcs.dependency().url()).contains("git+https://github.com/org/lib.git@v1.2");
        assertThat(vcs.urlLocation()).contains(Location.ofLine(PATH, 2, 7, 46));
        assertThat(vcs.dependency().markers()).contains("os_name == 'posix'");

        Dependency archive = parse("lib@https://example.com/lib-1.0.tar.gz#sha256=abcd");
        assertThat(archive.kind()).isEqualTo(Dependency.Kind.URL);
        assertThat(archive.hashes()).containsExactly("sha256:abcd");

        assertThat(parse("lib @ file:///opt/src/lib").kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(parse("lib @ ${LIB_URL}").kind()).isEqualTo(Dependency.Kind.URL);
    }

    @Test
    void urlSwallowsASemicolonWithoutBlankLikePep508() throws Exception {
        Dependency d = parse("lib @ https://h/x.whl;python_version<'3'");
        assertThat(d.url()).contains("https://h/x.whl;python_version<'3'");
        assertThat(d.markers()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|expected a requirement, found nothing|1|1",
            "-e .|expected a project name, found '-'|1|2",
            "pkg-|a project name must end with a letter or digit|1|5",
            "'pkg >= '|expected a version after '>=', found the end|8|8",
            "pkg => 1|expected a version operator (==, !=, <=, >=, <, >, ~=, ===), found '='|5|6",
            "pkg==1.0 extra|expected a version specifier, '@ url' or ';' after the name, found 'e'|10|11",
            "pkg>=1.*|invalid version '1.*' after '>=' ('>=' takes no '.*' and no local label)|4|9",
            "pkg~=1|invalid version '1' after '~=' ('~=' needs at least two release segments, no '.*' and no local label)|4|7",
            "pkg<1.0+local|invalid version '1.0+local' after '<' ('<' takes no '.*' and no local label)|4|14",
            "pkg==1.0.*.post1|invalid version '1.0.*.post1' after '=='|4|17",
            "pkg[dev|'[' of the extras is not closed|4|5",
            "pkg[dev,]|expected an extra name, found ']'|9|10",
            "pkg (>=1|'(' of the version specifier is not closed|5|6",
            "pkg @|expected a URL after '@', found the end|6|6",
            "pkg @ ./src|expected a URL with a scheme after '@' (a local path needs 'file:'), found './src'|7|12",
            "pkg @ https://h/x.zip extra|expected ';' and a marker after the URL and a blank, found 'e'|23|24",
            "pkg;|expected an environment marker after ';'|5|5",
            "pkg; python_version >= '3' andd os_name == 'nt'|unexpected 'a' in environment marker, expected 'and', 'or' or the end|28|29",
            "pkg; platform == 'x'|unknown environment marker variable 'platform'|6|14",
            "pkg; python_version 'x'|expected a comparison operator in environment marker, found '''|21|22",
            "pkg; os_name not 'x'|expected 'in' after 'not' in environment marker|14|17",
            "pkg; (os_name == 'x'|'(' in environment marker is not closed|6|7",
            "pkg; os_name == 'x|quoted string in environment marker is not closed|17|19",
            "${NAME}==1|a ${VAR} reference in the project name cannot be analysed|1|8",
    })
    void malformedInputGivesAClearMessageAtTheOffendingText(String text, String message, int from, int to) {
        RequirementSyntaxException e = error(text);
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.location()).isEqualTo(Location.ofLine(PATH, 1, from, to));
    }

    @Test
    void deeplyNestedMarkersAreRefusedNotOverflowed() {
        String deep = "pkg; " + "(".repeat(100_000) + "os_name == 'x'" + ")".repeat(100_000);
        assertThat(error(deep).getMessage()).contains("nested more than");
        StringBuilder ok = new StringBuilder("pkg; ");
        ok.append("(".repeat(MarkerSyntax.MAX_DEPTH)).append("extra == 'a'").append(")".repeat(MarkerSyntax.MAX_DEPTH));
        assertThat(error(ok.toString())).isNull();
    }

    @Test
    void markersAcceptTheWholeGrammar() throws Exception {
        Dependency d = parse("pkg ; (python_version<'3.10' or 'linux' in sys_platform) and extra != \"gpu\""
                + " and platform.machine not in 'arm64 aarch64'");
        assertThat(d.markers()).isPresent();
    }

    @Test
    void pipArgumentsCoverUrlsPathsAndArchives() throws Exception {
        Dependency vcs = pip("git+https://github.com/org/lib.git@main#egg=My_Lib[extra1]&subdirectory=py ; python_version>'3'");
        assertThat(vcs.kind()).isEqualTo(Dependency.Kind.VCS);
        assertThat(vcs.name()).isEqualTo("My_Lib");
        assertThat(vcs.normalizedName()).isEqualTo("my-lib");
        assertThat(vcs.extras()).containsExactly("extra1");
        assertThat(vcs.markers()).contains("python_version>'3'");
        assertThat(vcs.url()).contains("git+https://github.com/org/lib.git@main#egg=My_Lib[extra1]&subdirectory=py");
        assertThat(vcs.nameLocation()).isEqualTo(Location.ofLine(PATH, 1, 45, 51));

        Dependency wheel = pip("https://files.example.com/torch-2.1.0-cp311-none-linux_x86_64.whl#sha256=00ff");
        assertThat(wheel.kind()).isEqualTo(Dependency.Kind.URL);
        assertThat(wheel.name()).isEqualTo("torch");
        assertThat(wheel.hashes()).containsExactly("sha256:00ff");

        Dependency unnamed = pip("https://example.com/archive.tar.gz");
        assertThat(unnamed.name()).isEmpty();
        assertThat(unnamed.nameLocation()).isEqualTo(unnamed.location());

        Dependency dir = pip("./libs/core[dev,test]");
        assertThat(dir.kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(dir.url()).contains("./libs/core");
        assertThat(dir.extras()).containsExactly("dev", "test");

        Dependency archive = pip("dist/pkg-1.0.tar.gz; sys_platform == 'linux'");
        assertThat(archive.kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(archive.markers()).contains("sys_platform == 'linux'");

        assertThat(pip(".").kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(pip("C:\\src\\pkg").kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(pip("file:///srv/pkg").kind()).isEqualTo(Dependency.Kind.PATH);
    }

    @Test
    void pipArgumentsSplitMarkersBeforeReadingPep508() throws Exception {
        Dependency d = pip("lib @ https://h/x.whl;python_version<'3'");
        assertThat(d.url()).contains("https://h/x.whl");
        assertThat(d.markers()).contains("python_version<'3'");
        assertThat(d.location()).isEqualTo(Location.ofLine(PATH, 1, 1, 41));
        Dependency named = pip("numpy>=1.26; python_version >= '3.9'");
        assertThat(named.specifier()).isEqualTo(">=1.26");
        assertThat(named.kind()).isEqualTo(Dependency.Kind.REGISTRY);
    }

    @Test
    void editablesArePathsOrVcsUrls() throws Exception {
        TextOrigin o = TextOrigin.at(PATH, 1, 4);
        Dependency vcs = RequirementParser.parseEditable("git+https://h/o/r.git@v2#egg=r", o).dependency();
        assertThat(vcs.kind()).isEqualTo(Dependency.Kind.VCS);
        assertThat(vcs.name()).isEqualTo("r");
        assertThat(RequirementParser.parseEditable("git://h/o/r.git", o).dependency().kind())
                .isEqualTo(Dependency.Kind.VCS);
        Dependency dir = RequirementParser.parseEditable(" ./src/app[cli] ", o).dependency();
        assertThat(dir.kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(dir.extras()).containsExactly("cli");
        assertThat(dir.location()).isEqualTo(Location.ofLine(PATH, 1, 5, 19));
        assertThat(RequirementParser.parseEditable("file:///srv/app", o).dependency().kind())
                .isEqualTo(Dependency.Kind.PATH);
        assertThat(RequirementParser.parseEditable("mypackage", o).dependency().kind()).isEqualTo(Dependency.Kind.PATH);
        RequirementSyntaxException e = catchThrowableOfType(RequirementSyntaxException.class,
                () -> RequirementParser.parseEditable("https://h/x-1.0.whl", o));
        assertThat(e.getMessage()).contains("not a valid editable requirement");
        assertThatThrownBy(() -> RequirementParser.parseEditable("  ", o)).isInstanceOf(RequirementSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkg=1.0", "-r other.txt", "pkg ==", ";os_name=='x'", "pkg; bogus == 'x'"})
    void pipArgumentsStillRejectWhatPipRejects(String text) {
        assertThatThrownBy(() -> pip(text)).isInstanceOf(RequirementSyntaxException.class);
    }

    @Test
    void randomInputOnlyEverThrowsTheSyntaxException() {
        Random random = new Random(20240611L);
        String alphabet = "aZ09-_.[]() ,;@<>=!~*+$#{}'\"/\\:\tinotandorpython_versionextragit+https://";
        List<String> seeds = List.of("pkg[extra]>=1.0,<2 ; python_version<'3.10'",
                "lib @ git+https://h/r.git@abc#egg=lib", "./dir[x]", "pkg (==1.*)");
        for (int i = 0; i < 20_000; i++) {
            String text;
            if (i % 2 == 0) {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(40);
                for (int j = 0; j < n; j++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                for (int k = random.nextInt(4); k >= 0 && sb.length() > 0; k--) {
                    int at = random.nextInt(sb.length());
                    if (random.nextBoolean()) {
                        sb.deleteCharAt(at);
                    } else {
                        sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                text = sb.toString();
            }
            for (boolean pipForm : new boolean[] {false, true}) {
                try {
                    Requirement r = pipForm ? RequirementParser.parsePipArgument(text, TextOrigin.at(PATH, 1, 1))
                            : RequirementParser.parse(text, TextOrigin.at(PATH, 1, 1));
                    assertThat(r.dependency().location().endColumn()).isLessThanOrEqualTo(text.length() + 1);
                } catch (RequirementSyntaxException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("unexpected " + e + " for input: " + text, e);
                }
            }
        }
    }

    @Test
    void hugeInputIsLinear() throws Exception {
        String longName = "a".repeat(1_000_000);
        assertThat(parse(longName + "==1.0").name()).hasSize(1_000_000);
        String longVersion = "pkg==" + "1.".repeat(300_000) + "0";
        assertThat(parse(longVersion).isExactPin()).isTrue();
        assertThat(error("pkg>=" + "1-".repeat(300_000))).isNotNull();
        assertThat(pip("git+https://h/" + "x".repeat(500_000)).kind()).isEqualTo(Dependency.Kind.VCS);
    }

    @Test
    void validNames() {
        assertThat(RequirementParser.isValidName("a")).isTrue();
        assertThat(RequirementParser.isValidName("zope.interface")).isTrue();
        assertThat(RequirementParser.isValidName("_private")).isFalse();
        assertThat(RequirementParser.isValidName("ü")).isFalse();
        assertThat(RequirementParser.isValidName("")).isFalse();
    }
}
