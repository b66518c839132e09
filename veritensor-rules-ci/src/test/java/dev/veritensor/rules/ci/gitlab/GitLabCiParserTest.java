package dev.veritensor.rules.ci.gitlab;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.ScriptedJob;
import dev.veritensor.rules.ci.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GitLabCiParserTest {

    private final InMemoryParseContext context = new InMemoryParseContext();

    private GitLabPipeline parse(String path, String yaml) throws Exception {
        Source s = context.add(path, yaml);
        return (GitLabPipeline) new GitLabCiParser().parse(s, context).get(0);
    }

    @Test
    void readsJobsScriptsDefaultsAndVariables() throws Exception {
        GitLabPipeline p = parse(".gitlab-ci.yml", """
                default:
                  image: python:3.11
                  before_script:
                    - pip install -r requirements.txt
                variables:
                  PIP_CACHE_DIR: .cache/pip
                train:
                  image:
                    name: nvcr.io/nvidia/pytorch:24.01-py3
                  services:
                    - postgres:16
                    - name: redis@sha256:0123
                  variables:
                    EPOCHS:
                      value: "3"
                      description: epochs
                  script:
                    - python train.py
                    - - echo nested
                    - |
                      curl -o data.tgz https://x/data.tgz
                      tar xzf data.tgz
                lint:
                  inherit:
                    default: false
                  script: ruff check .
                .template:
                  script: echo hidden
                """);
        assertThat(p.jobs()).extracting(GitLabJob::name).containsExactly("train", "lint", ".template");
        GitLabJob train = p.jobs().get(0);
        assertThat(train.scripts()).extracting(s -> s.script().origin()).containsExactly("before_script", "script");
        Script script = train.scripts().get(1).script();
        assertThat(script.lines()).extracting(Script.Line::text)
                .containsExactly("python train.py", "echo nested", "curl -o data.tgz https://x/data.tgz", "tar xzf data.tgz");
        assertThat(script.lines().get(2).location()).isEqualTo(Location.ofLine(".gitlab-ci.yml", 21, 7, 42));
        assertThat(script.environment()).extracting(Script.EnvVar::name).containsExactly("PIP_CACHE_DIR", "EPOCHS");
        assertThat(train.variables()).singleElement().satisfies(v -> assertThat(v.value()).isEqualTo("3"));
        assertThat(p.jobs().get(1).scripts()).extracting(s -> s.script().origin()).containsExactly("script");
        assertThat(p.jobs().get(2).hidden()).isTrue();
        assertThat(p.images()).extracting(ImageReference::reference).containsExactly("python:3.11",
                "nvcr.io/nvidia/pytorch:24.01-py3", "postgres:16", "redis@sha256:0123");
        assertThat(p.scripts()).hasSize(3);
        assertThat(p.scriptedJobs()).extracting(ScriptedJob::name).containsExactly("train", "lint");
    }

    @Test
    void jobsTakeScriptsFromTheTemplatesTheyExtend() throws Exception {
        GitLabPipeline p = parse(".gitlab-ci.yml", """
                .base:
                  before_script: [pip install -e .]
                  script: [pytest]
                .gpu:
                  extends: .base
                  script: [pytest -m gpu]
                .loop:
                  extends: .loop
                gpu-tests:
                  extends: [.loop, .gpu]
                own:
                  extends: .gpu
                  script: [make check]
                """);
        assertThat(p.scriptedJobs()).extracting(ScriptedJob::name).containsExactly("gpu-tests", "own");
        assertThat(p.scriptedJobs().get(0).scripts()).extracting(s -> s.script().lines().get(0).text())
                .containsExactly("pip install -e .", "pytest -m gpu");
        assertThat(p.scriptedJobs().get(1).scripts()).extracting(s -> s.script().lines().get(0).text())
                .containsExactly("pip install -e .", "make check");
    }

    @Test
    void sharedDefaultScriptsAreListedOncePerEnvironment() throws Exception {
        GitLabPipeline p = parse(".gitlab-ci.yml", """
                before_script: [pip install .]
                a:
                  script: [pytest]
                b:
                  script: [pytest]
                c:
                  variables: {X: "1"}
                  script: [pytest]
                """);
        assertThat(p.scriptedJobs()).hasSize(3);
        long before = p.scripts().stream().filter(s -> s.origin().equals("before_script")).count();
        assertThat(before).isEqualTo(2);
    }

    @Test
    void includesAreReadAndLocalOnesScheduled() throws Exception {
        context.add("ci/build.yml", "build:\n  script: make\n");
        context.add("ci/more/test.yml", "test:\n  script: make test\n");
        GitLabPipeline p = parse(".gitlab-ci.yml", """
                include:
                  - local: /ci/build.yml
                  - 'https://example.com/ci.yml'
                  - project: group/templates
                    ref: 0123456789abcdef0123456789abcdef01234567
                    file: /t.yml
                  - template: Security/SAST.gitlab-ci.yml
                  - component: $CI_SERVER_FQDN/group/comp/build@1.2.0
                  - local: ci/*.yml
                """);
        assertThat(p.includes()).extracting(GitLabInclude::kind).containsExactly(GitLabInclude.Kind.LOCAL,
                GitLabInclude.Kind.REMOTE, GitLabInclude.Kind.PROJECT, GitLabInclude.Kind.TEMPLATE,
                GitLabInclude.Kind.COMPONENT, GitLabInclude.Kind.LOCAL);
        assertThat(p.includes().get(2).ref()).contains("0123456789abcdef0123456789abcdef01234567");
        assertThat(p.includes().get(4).ref()).contains("1.2.0");
        assertThat(context.includes()).containsExactly("ci/build.yml");

        GitLabPipeline nested = parse("ci/build.yml", "include: /ci/more/test.yml\nbuild:\n  script: make\n");
        assertThat(nested.includes()).hasSize(1);
        assertThat(context.includes()).containsExactly("ci/build.yml", "ci/more/test.yml");
    }

    @Test
    void specHeadersAreSkipped() throws Exception {
        Source s = context.add(".gitlab-ci.yml", "spec:\n  inputs:\n    stage: {}\n---\njob:\n  script: echo $[[ inputs.stage ]]\n");
        assertThat(new GitLabCiParser().parse(s, context)).singleElement()
                .satisfies(d -> assertThat(((GitLabPipeline) d).jobs()).hasSize(1));
    }
}
