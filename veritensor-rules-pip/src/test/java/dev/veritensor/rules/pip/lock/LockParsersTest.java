package dev.veritensor.rules.pip.lock;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ModelText;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.project.TomlParsing;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edge cases of the lockfile parsers and of what each lockfile is meant to contain. */
class LockParsersTest {

    private final TomlParsing context = new TomlParsing();

    private static ManifestDependency declared(String name, Section section, String markers) {
        Location at = Location.ofLine("p", 1, 1, 2);
        Dependency d = new Dependency(name, Dependency.normalize(name), "", Dependency.Kind.REGISTRY, Optional.empty(),
                java.util.List.of(), Optional.empty(), Optional.ofNullable(markers), java.util.List.of(), false, at, at);
        return new ManifestDependency(d, section, Optional.empty());
    }

    @Test
    void aPackageWithoutANameIsReportedAndTheOthersAreRead() throws Exception {
        LockfileDocument lock = TomlParsing.parse(new PoetryLockParser(), "poetry.lock", """
                [[package]]
                version = "1.0"

                [[package]]
                name = "ok"
                version = "2.0"
                files = []

                [package.source]
                type = "svn-mirror"
                """, LockfileDocument.class, context);
        assertThat(lock.packages()).extracting(LockedPackage::name).containsExactly("ok");
        assertThat(lock.packages().get(0).index()).isEmpty();
        assertThat(context.diagnostics()).extracting(d -> d.message())
                .containsExactly("a locked package needs a name", "unknown package source type 'svn-mirror'");
    }

    @Test
    void poetryLocksProjectDependenciesFromLockFormat21On() throws Exception {
        String body = "[[package]]\nname = \"a\"\nversion = \"1\"\nfiles = []\n\n[metadata]\nlock-version = \"%s\"\n";
        LockfileDocument v20 = TomlParsing.parse(new PoetryLockParser(), "poetry.lock", body.formatted("2.0"),
                LockfileDocument.class, context);
        LockfileDocument v21 = TomlParsing.parse(new PoetryLockParser(), "poetry.lock", body.formatted("2.1"),
                LockfileDocument.class, context);
        ManifestDependency project = declared("a", Section.of(Section.Kind.PROJECT), null);
        ManifestDependency poetry = declared("a", new Section(Section.Kind.POETRY, "main"), null);
        assertThat(v20.locks(project)).isFalse();
        assertThat(v21.locks(project)).isTrue();
        assertThat(v20.locks(poetry)).isTrue();
        assertThat(v21.locks(declared("a", Section.of(Section.Kind.BUILD_SYSTEM), null))).isFalse();
    }

    @Test
    void uvGitSourcesBecomeUrlsPinnedToTheLockedCommit() {
        assertThat(UvLockParser.gitUrl("https://github.com/o/r.git?rev=main#0123456789abcdef0123456789abcdef01234567"))
                .isEqualTo("git+https://github.com/o/r.git@0123456789abcdef0123456789abcdef01234567");
        assertThat(UvLockParser.gitUrl("https://github.com/o/r")).isEqualTo("git+https://github.com/o/r");
    }

    @Test
    void pdmLocksOnlyTheListedGroups() throws Exception {
        LockfileDocument lock = TomlParsing.parse(new PdmLockParser(), "pdm.lock",
                "[metadata]\ngroups = [\"default\", \"Test_Tools\"]\n", LockfileDocument.class, context);
        assertThat(lock.locks(declared("a", Section.of(Section.Kind.PROJECT), null))).isTrue();
        assertThat(lock.locks(declared("a", new Section(Section.Kind.PDM_DEV, "test-tools"), null))).isTrue();
        assertThat(lock.locks(declared("a", new Section(Section.Kind.OPTIONAL, "docs"), null))).isFalse();
        assertThat(lock.locks(declared("a", new Section(Section.Kind.PIPENV, "default"), null))).isFalse();
    }

    @Test
    void pylockFileNamesFollowPep751() {
        PylockParser parser = new PylockParser();
        assertThat(parser.accepts(Source.of("pylock.toml", ""))).isTrue();
        assertThat(parser.accepts(Source.of("x/pylock.dev.toml", ""))).isTrue();
        assertThat(parser.accepts(Source.of("pylock.a.b.toml", ""))).isFalse();
        assertThat(parser.accepts(Source.of("mypylock.toml", ""))).isFalse();
    }

    @Test
    void pylockSkipsMarkedDeclarationsAndLocksListedGroups() throws Exception {
        LockfileDocument lock = TomlParsing.parse(new PylockParser(), "pylock.toml",
                "lock-version = \"1.0\"\nextras = [\"Viz\"]\ndependency-groups = [\"dev\"]\n",
                LockfileDocument.class, context);
        assertThat(lock.locks(declared("a", Section.of(Section.Kind.PROJECT), null))).isTrue();
        assertThat(lock.locks(declared("a", Section.of(Section.Kind.PROJECT), "sys_platform == 'win32'"))).isFalse();
        assertThat(lock.locks(declared("a", new Section(Section.Kind.OPTIONAL, "viz"), null))).isTrue();
        assertThat(lock.locks(declared("a", new Section(Section.Kind.DEPENDENCY_GROUP, "docs"), null))).isFalse();
    }

    @Test
    void pipfileLockEntriesAreLocatedAtTheirJsonKeys() throws Exception {
        LockfileDocument lock = TomlParsing.parse(new PipfileLockParser(), "Pipfile.lock", """
                {"_meta": {"sources": [{"name": "corp", "url": "https://corp/simple", "verify_ssl": false}]},
                 "default": {
                   "flask": {"version": "==3.0.2", "index": "corp", "hashes": ["sha256:ab"]},
                   "odd": {"version": "==1.0", "index": "https://direct/simple"},
                   "transitive": {"version": "==2.0"},
                   "bad name!": {}
                 }}
                """, LockfileDocument.class, context);
        assertThat(lock.packages()).extracting(p -> p.name() + "@" + ModelText.span(p.location()) + " " + p.index()
                .orElse("-")).containsExactly("flask@3:4-3:11 https://corp/simple", "odd@4:4-4:9 https://direct/simple",
                "transitive@5:4-5:16 https://corp/simple");
        assertThat(lock.indexSettings()).singleElement().satisfies(s -> assertThat(s.verifyTls()).isFalse());
        assertThat(context.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("bad name!"));
        assertThat(lock.locks(declared("flask", new Section(Section.Kind.PIPENV, "packages"), null))).isTrue();
        assertThat(lock.locks(declared("flask", new Section(Section.Kind.PIPENV, "dev-packages"), null))).isFalse();
    }

    @Test
    void aPipfileLockThatIsNotAnObjectIsAParseError() {
        assertThatThrownBy(() -> TomlParsing.parse(new PipfileLockParser(), "Pipfile.lock", "[1, 2]",
                LockfileDocument.class, context)).isInstanceOf(DocumentParseException.class);
        assertThatThrownBy(() -> TomlParsing.parse(new PipfileLockParser(), "Pipfile.lock", "{\"default\": ",
                LockfileDocument.class, context)).isInstanceOf(DocumentParseException.class);
    }

    @Test
    void hashSpellingsAreNormalized() {
        assertThat(LockEntries.hash("SHA256:AbC")).contains("sha256:AbC");
        assertThat(LockEntries.hash("sha256=abc")).contains("sha256:abc");
        assertThat(LockEntries.hash("abc")).isEmpty();
        assertThat(LockEntries.hash("sha256:")).isEmpty();
    }
}
