package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Dependency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DirectReferencesTest {

    @ParameterizedTest
    @CsvSource({
            "git+https://github.com/o/r.git, VCS",
            "GIT+SSH://git@github.com/o/r, VCS",
            "hg+https://hg.example.org/r, VCS",
            "svn+svn://svn.example.org/r, VCS",
            "svn://svn.example.org/r, URL",
            "git://github.com/o/r, URL",
            "bzr+lp:project, VCS",
            "https://example.com/x.whl, URL",
            "ftp://example.com/x.tar.gz, URL",
            "file:///tmp/x, PATH",
            "./src, PATH",
            "C:\\src\\x, PATH",
            "pkgs/x.whl, PATH",
    })
    void classifiesReferences(String reference, Dependency.Kind kind) {
        assertThat(DirectReferences.kindOf(reference)).isEqualTo(kind);
    }

    @Test
    void pipUrlsAreRecognisedByPipsSchemes() {
        assertThat(DirectReferences.isPipUrl("https://h/x")).isTrue();
        assertThat(DirectReferences.isPipUrl("git+file:///r")).isTrue();
        assertThat(DirectReferences.isPipUrl("HTTP://h")).isTrue();
        assertThat(DirectReferences.isPipUrl("s3://bucket/x.whl")).isFalse();
        assertThat(DirectReferences.isPipUrl("requests")).isFalse();
        assertThat(DirectReferences.isPipUrl("c:/x")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "git+https://github.com/o/r.git@0123456789abcdef0123456789abcdef01234567|true",
            "git+https://github.com/o/r.git@0123456789ABCDEF0123456789abcdef01234567#egg=r|true",
            "git+https://h/r@0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|true",
            "git+ssh://git@github.com/o/r.git@0123456789abcdef0123456789abcdef01234567|true",
            "git+ssh://git@github.com/o/r.git|false",
            "git+https://github.com/o/r.git@v1.2.3|false",
            "git+https://github.com/o/r.git@main#egg=r|false",
            "git+https://github.com/o/r.git@0123456|false",
            "git+https://github.com/o/r.git@0123456789abcdef0123456789abcdef0123456|false",
            "git+https://github.com/o/r.git#egg=r@0123456789abcdef0123456789abcdef01234567|false",
            "hg+https://h/r@0123456789abcdef0123456789abcdef01234567|true",
            "hg+https://h/r@default|false",
            "svn+https://svn.example.org/r@1234|true",
            "svn+https://svn.example.org/r/trunk|false",
            "bzr+https://h/r@revid:jdoe-20240101120000-3bq9x|true",
            "bzr+https://h/r@42|false",
            "https://h/x.tar.gz|false",
    })
    void immutableRevisions(String url, boolean pinned) {
        assertThat(DirectReferences.pinsImmutableRevision(url)).isEqualTo(pinned);
    }

    @Test
    void revisionIsTakenFromThePathNotTheUserInfo() {
        assertThat(DirectReferences.vcsRevision("git+ssh://git@github.com/o/r.git")).isEmpty();
        assertThat(DirectReferences.vcsRevision("git+https://u@h/r.git@v1?x=1#egg=r")).contains("v1");
        assertThat(DirectReferences.vcsRevision("git+https://h/r.git@")).isEmpty();
        assertThat(DirectReferences.vcsRevision("git+file:r@x")).contains("x");
    }

    @Test
    void hashes() {
        assertThat(DirectReferences.hash("https://h/x.whl#sha256=ab12")).contains(new DirectReferences.Hash("sha256", "ab12"));
        assertThat(DirectReferences.hash("https://h/x.whl#egg=x&SHA512=ff")).contains(new DirectReferences.Hash("sha512", "ff"));
        assertThat(DirectReferences.hash("https://h/x.whl#md5=ff").orElseThrow().isStrong()).isFalse();
        assertThat(DirectReferences.hash("https://h/x.whl#sha384=ff").orElseThrow().isStrong()).isTrue();
        assertThat(DirectReferences.hash("https://h/x.whl#sha256=")).isEmpty();
        assertThat(DirectReferences.hash("https://h/x.whl")).isEmpty();
    }

    @Test
    void eggWheelAndArchiveNames() {
        assertThat(DirectReferences.eggFragment("git+https://h/r#egg=lib&subdirectory=x")).contains("lib");
        assertThat(DirectReferences.eggFragment("git+https://h/r#egg=")).isEmpty();
        assertThat(DirectReferences.wheelProject("https://h/p/Torch_Audio-2.0-py3-none-any.whl?x=1#sha256=1"))
                .contains("Torch_Audio");
        assertThat(DirectReferences.wheelProject("https://h/p/x.tar.gz")).isEmpty();
        assertThat(DirectReferences.isArchive("dist/x-1.0.tar.gz")).isTrue();
        assertThat(DirectReferences.isArchive("https://h/x.zip#sha256=1")).isTrue();
        assertThat(DirectReferences.isArchive(".whl")).isFalse();
        assertThat(DirectReferences.isArchive("https://h/simple/")).isFalse();
    }

    @Test
    void schemes() {
        assertThat(DirectReferences.scheme("Git+HTTPS://h")).contains("git+https");
        assertThat(DirectReferences.scheme("c:\\x")).isEmpty();
        assertThat(DirectReferences.scheme("1http://x")).isEmpty();
        assertThat(DirectReferences.scheme("")).isEmpty();
    }
}
