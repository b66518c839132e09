package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementsFileParserTest {

    private final RequirementsFileParser parser = new RequirementsFileParser();
    private final InMemoryParseContext context = new InMemoryParseContext();

    private RequirementsDocument parse(String path, String content) throws Exception {
        return parse(context.add(path, content));
    }

    private RequirementsDocument parse(Source source) throws Exception {
        return (RequirementsDocument) parser.parse(source, context).get(0);
    }

    private static List<String> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.code() + "@" + d.location().startLine()).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "requirements.txt, true",
            "requirements-dev.txt, true",
            "app/dev-requirements.txt, true",
            "Requirements.TXT, true",
            "constraints.txt, true",
            "ci/constraints-py311.txt, true",
            "requirements/base.txt, true",
            "svc/requirements/test.txt, true",
            "requirements.in, true",
            "requirements/dev.in, true",
            "dev-requirements.in, true",
            "MANIFEST.in, false",
            "src/config.h.in, false",
            "setup.py.in, false",
            "docs/notes.txt, false",
            "requirements.txt.bak, false",
            "requirements/readme.md, false",
            "requirements/sub/x.txt, true",
            "svc/requirements/pytorch/base.txt, true",
            "myrequirements/x.txt, false",
    })
    void acceptsRequirementsFilesOnly(String path, boolean accepted) {
        assertThat(parser.accepts(Source.of(path, ""))).isEqualTo(accepted);
    }

    @Test
    void readsRequirementsWithCommentsAndFragments() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                # full-line comment
                requests==2.31.0  # trailing comment
                Flask_Login>=0.6#not-a-comment-char-in-specifier
                git+https://github.com/org/lib.git@v1#egg=lib  # pinned? no
                https://example.com/pkgs/tool-1.0.tar.gz#sha256=abc123
                ./local/pkg
                   # indented comment
                numpy ; python_version >= "3.9"
                """);
        List<Dependency> deps = doc.dependencies();
        assertThat(deps).extracting(Dependency::normalizedName)
                .containsExactly("requests", "lib", "", "", "numpy");
        assertThat(deps.get(0).location()).isEqualTo(Location.ofLine("requirements.txt", 2, 1, 17));
        assertThat(deps.get(1).kind()).isEqualTo(Dependency.Kind.VCS);
        assertThat(deps.get(2).kind()).isEqualTo(Dependency.Kind.URL);
        assertThat(deps.get(2).hashes()).containsExactly("sha256:abc123");
        assertThat(deps.get(3).kind()).isEqualTo(Dependency.Kind.PATH);
        assertThat(deps.get(4).markers()).contains("python_version >= \"3.9\"");
        // "Flask_Login>=0.6#not-a-comment..." is not a comment: pip refuses the requirement
        assertThat(codes(context.diagnostics())).containsExactly("invalid-requirement@3");
        assertThat(doc.role()).isEqualTo(RequirementsDocument.Role.REQUIREMENTS);
        assertThat(doc.hashCheckingMode()).isTrue();
    }

    @Test
    void continuationsJoinLinesWithExactLocations() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                FooProject == 1.2 \\
                    --hash=sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 \\
                    --hash=sha256:486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                bar\\
                >=1.0
                baz \\
                # a comment line ends the continuation
                qux==1 \\
                """);
        List<Dependency> deps = doc.dependencies();
        assertThat(deps).extracting(Dependency::name).containsExactly("FooProject", "bar", "baz", "qux");
        Dependency foo = deps.get(0);
        assertThat(foo.hashes()).hasSize(2);
        assertThat(foo.location()).isEqualTo(new Location("requirements.txt", 1, 1, 3, 83));
        assertThat(foo.nameLocation()).isEqualTo(Location.ofLine("requirements.txt", 1, 1, 11));
        assertThat(deps.get(1).specifier()).isEqualTo(">=1.0");
        assertThat(deps.get(1).location()).isEqualTo(new Location("requirements.txt", 4, 1, 5, 6));
        assertThat(deps.get(2).location()).isEqualTo(Location.ofLine("requirements.txt", 6, 1, 4));
        assertThat(deps.get(3).location()).isEqualTo(Location.ofLine("requirements.txt", 8, 1, 7));
        assertThat(context.diagnostics()).isEmpty();
    }

    @Test
    void readsIndexOptionsInEveryForm() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                -i https://pypi.corp.example/simple
                --extra-index-url=https://mirror.example/simple --extra-index-url ${EXTRA_URL}
                --extra-index http://abbrev.example/simple
                -fhttps://download.example/wheels -f ./second
                --trusted-host pypi.corp.example
                --no-index
                --find-links="./quoted dir"
                requests
                """);
        assertThat(doc.indexSettings()).extracting(IndexSetting::role, IndexSetting::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.PRIMARY, "https://pypi.corp.example/simple"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.EXTRA, "https://mirror.example/simple"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.EXTRA, "${EXTRA_URL}"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.EXTRA, "http://abbrev.example/simple"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.FIND_LINKS, "https://download.example/wheels"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.TRUSTED_HOST, "pypi.corp.example"),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.NO_INDEX, ""),
                org.assertj.core.groups.Tuple.tuple(IndexSetting.Role.FIND_LINKS, "./quoted dir"));
        IndexSetting primary = doc.indexSettings().get(0);
        assertThat(primary.location()).isEqualTo(Location.ofLine("requirements.txt", 1, 4, 36));
        assertThat(doc.optionName(primary)).contains(Location.ofLine("requirements.txt", 1, 1, 3));
        IndexSetting inline = doc.indexSettings().get(1);
        assertThat(inline.location()).isEqualTo(Location.ofLine("requirements.txt", 2, 19, 48));
        assertThat(doc.optionName(inline)).contains(Location.ofLine("requirements.txt", 2, 1, 18));
        assertThat(doc.optionName(doc.indexSettings().get(3))).contains(Location.ofLine("requirements.txt", 3, 1, 14));
        assertThat(doc.indexSettings().get(4).location()).isEqualTo(Location.ofLine("requirements.txt", 4, 3, 34));
        assertThat(doc.indexSettings().get(7).location()).isEqualTo(Location.ofLine("requirements.txt", 7, 14, 28));
        assertThat(codes(context.diagnostics())).containsExactly("ignored-option@4");
    }

    @Test
    void optionsOnRequirementLinesArePerRequirementOrIgnored() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                requests==2.31.0 --index-url https://other.example/simple --hash=sha256:aa
                six==1.16.0 --hash md5:bb --hash=nocolon -C key=value --global-option=x
                --hash=sha256:cc
                urllib3==2.0.0 --bogus
                idna==3.4 --pr
                certifi==1 --pre=yes
                charset==1 --hash
                """);
        assertThat(doc.indexSettings()).isEmpty();
        assertThat(doc.dependencies()).extracting(Dependency::hashes)
                .containsExactly(List.of("sha256:aa"), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(codes(context.diagnostics())).containsExactly("ignored-option@1", "invalid-option@2",
                "invalid-option@2", "ignored-option@3", "unknown-option@4", "unknown-option@5", "invalid-option@6",
                "invalid-option@7");
    }

    @Test
    void editableLines() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                -e git+https://github.com/org/app.git@main#egg=app
                --editable=./libs/core[dev]
                -e ./a -e ./b
                -e https://example.com/x.whl
                """);
        assertThat(doc.requirements()).extracting(RequirementLine::editable).containsExactly(true, true, true);
        assertThat(doc.dependencies()).extracting(Dependency::kind)
                .containsExactly(Dependency.Kind.VCS, Dependency.Kind.PATH, Dependency.Kind.PATH);
        assertThat(doc.dependencies().get(0).nameLocation()).isEqualTo(Location.ofLine("requirements.txt", 1, 48, 51));
        assertThat(doc.dependencies().get(1).extras()).containsExactly("dev");
        assertThat(doc.dependencies().get(2).url()).contains("./a");
        assertThat(codes(context.diagnostics())).containsExactly("ignored-option@3", "invalid-requirement@4");
    }

    @Test
    void requireHashesAndHashMode() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", "--require-hashes\nrequests==1\n");
        assertThat(doc.requireHashes()).contains(Location.ofLine("requirements.txt", 1, 1, 17));
        assertThat(doc.hashCheckingMode()).isTrue();
        assertThat(parse("other-requirements.txt", "requests==1\n").hashCheckingMode()).isFalse();
    }

    @Test
    void constraintsPinTransitivelyAndIncludesAreRecorded() throws Exception {
        context.add("constraints/base.txt", "requests==2.31.0\nnumpy>=1.0\n-c more.txt\n-r reqs-in-constraints.txt\n");
        context.add("constraints/more.txt", "Pandas===2.1.0\n");
        context.add("constraints/reqs-in-constraints.txt", "scipy==1.11\n");
        context.add("common.txt", "-c constraints/base.txt\nflask\n");
        RequirementsDocument doc = parse("requirements.txt", """
                -r common.txt
                requests
                numpy
                pandas[excel]>=2
                scipy
                --constraint missing.txt
                -c ../outside.txt
                -r https://example.com/req.txt
                """);
        assertThat(doc.dependencies()).extracting(Dependency::name, Dependency::pinnedElsewhere).containsExactly(
                org.assertj.core.groups.Tuple.tuple("requests", true),
                org.assertj.core.groups.Tuple.tuple("numpy", false),
                org.assertj.core.groups.Tuple.tuple("pandas", true),
                org.assertj.core.groups.Tuple.tuple("scipy", false));
        assertThat(doc.references()).extracting(FileReference::constraint, FileReference::reference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "common.txt"),
                        org.assertj.core.groups.Tuple.tuple(true, "missing.txt"),
                        org.assertj.core.groups.Tuple.tuple(true, "../outside.txt"),
                        org.assertj.core.groups.Tuple.tuple(false, "https://example.com/req.txt"));
        assertThat(doc.references().get(0).resolvedPath()).contains("common.txt");
        assertThat(doc.references().get(1).resolvedPath()).isEmpty();
        assertThat(doc.references().get(1).location()).isEqualTo(Location.ofLine("requirements.txt", 6, 14, 25));
        assertThat(codes(context.diagnostics())).containsExactly("include-not-found@6", "include-outside-root@7",
                "include-outside-root@8");
        assertThat(context.included()).contains("common.txt", "constraints/base.txt", "constraints/more.txt");
    }

    @Test
    void includeCyclesEndQuietly() throws Exception {
        context.add("b.txt", "-r requirements.txt\n-c requirements.txt\nsix==1.0\n");
        RequirementsDocument doc = parse("requirements.txt", "-r b.txt\n-c b.txt\nsix\n");
        assertThat(doc.dependencies().get(0).pinnedElsewhere()).isTrue();
        assertThat(context.diagnostics()).isEmpty();
        // a file that names itself with -c constrains its own lines, as pip does
        RequirementsDocument self = parse("constraints.txt", "-c constraints.txt\nsix==1\nsix>=1\n");
        assertThat(self.role()).isEqualTo(RequirementsDocument.Role.CONSTRAINTS);
        assertThat(self.dependencies()).allMatch(Dependency::pinnedElsewhere);
        RequirementsDocument loose = parse("constraints-loose.txt", "-c constraints-loose.txt\nsix>=1\n");
        assertThat(loose.dependencies()).noneMatch(Dependency::pinnedElsewhere);
    }

    @Test
    void bomAndCrlfAreHandled() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "requests==1.0\r\nsix \\\r\n==1.16\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        RequirementsDocument doc = parse(context.add("requirements.txt", all));
        assertThat(doc.dependencies()).extracting(Dependency::name).containsExactly("requests", "six");
        assertThat(doc.dependencies().get(0).location()).isEqualTo(Location.ofLine("requirements.txt", 1, 1, 14));
        assertThat(doc.dependencies().get(1).location()).isEqualTo(new Location("requirements.txt", 2, 1, 3, 7));
    }

    @Test
    void envReferencesAreKept() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", """
                --index-url https://${PIP_USER}:${PIP_TOKEN}@pypi.corp.example/simple
                mylib==${MYLIB_VERSION}
                mylib2 @ ${MYLIB2_URL}
                """);
        assertThat(doc.indexSettings().get(0).url()).isEqualTo("https://${PIP_USER}:${PIP_TOKEN}@pypi.corp.example/simple");
        assertThat(doc.dependencies().get(0).specifier()).isEqualTo("==${MYLIB_VERSION}");
        assertThat(doc.dependencies().get(1).url()).contains("${MYLIB2_URL}");
        assertThat(context.diagnostics()).isEmpty();
    }

    @Test
    void brokenQuotingSkipsTheLine() throws Exception {
        RequirementsDocument doc = parse("requirements.txt", "--index-url 'https://x\nrequests\n");
        assertThat(doc.indexSettings()).isEmpty();
        assertThat(doc.dependencies()).hasSize(1);
        assertThat(codes(context.diagnostics())).containsExactly("invalid-option@1");
    }

    @Test
    void rolesFollowTheFileName() throws Exception {
        assertThat(parse("constraints.txt", "").role()).isEqualTo(RequirementsDocument.Role.CONSTRAINTS);
        assertThat(parse("requirements.in", "").role()).isEqualTo(RequirementsDocument.Role.PIP_TOOLS_INPUT);
        assertThat(parse("requirements/dev.txt", "").role()).isEqualTo(RequirementsDocument.Role.REQUIREMENTS);
    }
}
