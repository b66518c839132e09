package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowParserTest {

    private static final String PATH = ".github/workflows/train.yml";
    private final InMemoryParseContext context = new InMemoryParseContext();

    private Workflow parse(String yaml) throws Exception {
        Source s = context.add(PATH, yaml);
        List<Document> docs = new WorkflowParser().parse(s, context);
        assertThat(docs).hasSize(1);
        return (Workflow) docs.get(0);
    }

    @Test
    void acceptsOnlyFilesDirectlyInTheWorkflowsFolder() {
        WorkflowParser p = new WorkflowParser();
        assertThat(p.accepts(Source.of(".github/workflows/ci.yml", ""))).isTrue();
        assertThat(p.accepts(Source.of("sub/.github/workflows/ci.yaml", ""))).isTrue();
        assertThat(p.accepts(Source.of(".github/workflows/nested/ci.yml", ""))).isFalse();
        assertThat(p.accepts(Source.of(".github/ci.yml", ""))).isFalse();
        assertThat(p.accepts(Source.of(".github/workflows/README.md", ""))).isFalse();
    }

    @Test
    void readsTriggersPermissionsJobsAndSteps() throws Exception {
        Workflow w = parse("""
                name: release
                on:
                  push:
                    tags: ["v*"]
                  pull_request_target:
                    types: [opened]
                permissions:
                  contents: read
                  id-token: write
                env:
                  PIP_INDEX_URL: https://pypi.org/simple
                jobs:
                  train:
                    runs-on: ${{ matrix.runner }}
                    strategy:
                      matrix:
                        runner: [ubuntu-latest, gpu-a100]
                        include:
                          - runner: self-hosted
                    permissions: write-all
                    env:
                      WANDB_PROJECT: demo
                    container:
                      image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime
                      credentials:
                        username: bot
                        password: ${{ secrets.REGISTRY }}
                    services:
                      redis: redis:7
                    steps:
                      - uses: actions/checkout@v4 # v4.1.1
                        with:
                          persist-credentials: false
                      - id: train
                        name: Train
                        shell: bash
                        env:
                          EPOCHS: "3"
                        run: |
                          python train.py --title "${{ github.event.pull_request.title }}"
                  call:
                    uses: org/shared/.github/workflows/build.yml@main
                    secrets: inherit
                """);
        assertThat(w.triggers()).extracting(Trigger::event).containsExactly("push", "pull_request_target");
        assertThat(w.trigger("push").orElseThrow().tags()).containsExactly("v*");
        assertThat(w.permissions().orElseThrow().scopes()).extracting(Permissions.Scope::name, Permissions.Scope::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contents", "read"),
                        org.assertj.core.groups.Tuple.tuple("id-token", "write"));
        Job train = w.jobs().get(0);
        assertThat(train.id()).isEqualTo("train");
        assertThat(train.idLocation()).isEqualTo(Location.ofLine(PATH, 13, 3, 8));
        assertThat(train.permissions().orElseThrow().isWriteAll()).isTrue();
        assertThat(train.runsOn().orElseThrow().labels()).isEmpty();
        assertThat(train.runsOn().orElseThrow().matrixLabels()).extracting(Value::text)
                .containsExactly("ubuntu-latest", "gpu-a100", "self-hosted");
        assertThat(train.runsOn().orElseThrow().matrixLabels().get(1).location().startLine()).isEqualTo(17);

        Step checkout = train.steps().get(0);
        ActionRef ref = checkout.uses().orElseThrow();
        assertThat(ref.kind()).isEqualTo(ActionRef.Kind.REPOSITORY);
        assertThat(ref.slug()).isEqualTo("actions/checkout");
        assertThat(ref.ref()).contains("v4");
        assertThat(ref.refLocation()).contains(Location.ofLine(PATH, 31, 32, 34));
        assertThat(ref.trailingComment()).contains("v4.1.1");
        assertThat(checkout.input("persist-credentials").orElseThrow().value().text()).isEqualTo("false");

        Step step = train.steps().get(1);
        assertThat(step.label()).isEqualTo("Train");
        RunScript run = step.run().orElseThrow();
        Script script = run.script().orElseThrow().script();
        assertThat(script.lines()).hasSize(1);
        assertThat(script.lines().get(0).location()).isEqualTo(Location.ofLine(PATH, 40, 11, 75));
        assertThat(script.environment()).extracting(Script.EnvVar::name)
                .containsExactly("PIP_INDEX_URL", "WANDB_PROJECT", "EPOCHS");
        Expression title = run.value().expressions().get(0);
        assertThat(title.location()).isEqualTo(Location.ofLine(PATH, 40, 36, 74));

        Job call = w.jobs().get(1);
        assertThat(call.uses().orElseThrow().path()).isEqualTo(".github/workflows/build.yml");
        assertThat(call.inheritSecrets()).isPresent();

        assertThat(w.images()).extracting(ImageReference::reference, ImageReference::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime", "container"),
                org.assertj.core.groups.Tuple.tuple("redis:7", "services"));
        assertThat(w.configuredValues()).extracting(ConfiguredValue::section, ConfiguredValue::name)
                .contains(org.assertj.core.groups.Tuple.tuple("credentials", "password"),
                        org.assertj.core.groups.Tuple.tuple("with", "persist-credentials"));
        assertThat(w.expressions()).extracting(Expression::source).contains(" matrix.runner ",
                " secrets.REGISTRY ", " github.event.pull_request.title ");
        assertThat(w.scripts()).hasSize(1);
        assertThat(w.scriptedJobs()).extracting(j -> j.name()).containsExactly("train");
    }

    @Test
    void onAsAStringOrList() throws Exception {
        assertThat(parse("on: push\njobs: {}\n").triggers()).extracting(Trigger::event).containsExactly("push");
        assertThat(parse("on: [push, pull_request]\n").triggers()).extracting(Trigger::event)
                .containsExactly("push", "pull_request");
    }

    @Test
    void conditionsAreParsedWithoutDelimiters() throws Exception {
        Workflow w = parse("on: push\njobs:\n  a:\n    if: github.event_name == 'push' && !cancelled()\n"
                + "    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        if: ${{ success() }}\n");
        Job a = w.jobs().get(0);
        assertThat(a.condition().orElseThrow().source()).isEqualTo("github.event_name == 'push' && !cancelled()");
        assertThat(a.condition().orElseThrow().location()).isEqualTo(Location.ofLine(PATH, 4, 9, 52));
        assertThat(a.steps().get(0).condition().orElseThrow().source()).isEqualTo(" success() ");
    }

    @Test
    void expressionSyntaxErrorsAreWarnings() throws Exception {
        parse("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github. }}\n");
        assertThat(context.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("expression-syntax-error");
            assertThat(d.location()).isEqualTo(Location.ofLine(PATH, 6, 19, 33));
        });
    }

    @Test
    void interpreterShellsAreNotShellScripts() throws Exception {
        Workflow w = parse("on: push\ndefaults:\n  run:\n    shell: python\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: print(1)\n      - run: echo 1\n        shell: bash\n");
        List<Step> steps = w.jobs().get(0).steps();
        assertThat(steps.get(0).run().orElseThrow().script()).isEmpty();
        assertThat(steps.get(1).run().orElseThrow().script()).isPresent();
        assertThat(w.scripts()).hasSize(1);
    }

    @Test
    void anchoredStepsAreReadAtEveryUse() throws Exception {
        Workflow w = parse("""
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps:
                      - &setup
                        run: pip install -r requirements.txt
                  b:
                    runs-on: ubuntu-latest
                    env:
                      X: "1"
                    steps:
                      - *setup
                """);
        assertThat(w.jobs()).allSatisfy(j -> assertThat(j.steps()).hasSize(1));
        assertThat(w.scripts()).hasSize(2);
        assertThat(w.scripts().get(1).environment()).extracting(Script.EnvVar::name).containsExactly("X");
    }

    @Test
    void emptyFilesHaveNoWorkflowAndOtherTopLevelsAreNotWorkflows() throws Exception {
        Source empty = context.add(PATH, "# nothing\n");
        assertThat(new WorkflowParser().parse(empty, context)).isEmpty();
        Source list = context.add(".github/workflows/x.yml", "- a\n- b\n");
        assertThatThrownBy(() -> new WorkflowParser().parse(list, context)).isInstanceOf(DocumentParseException.class)
                .hasMessageContaining("top level is not a mapping");
    }

    @Test
    void actionMetadataOfCompositeAndDockerActions() throws Exception {
        Source composite = context.add("tools/setup/action.yml", """
                name: setup
                runs:
                  using: composite
                  steps:
                    - uses: actions/setup-python@v5
                    - shell: bash
                      run: pip install -e .
                """);
        ActionMetadata a = (ActionMetadata) new ActionMetadataParser().parse(composite, context).get(0);
        assertThat(a.using()).contains("composite");
        assertThat(a.steps()).hasSize(2);
        assertThat(a.scriptedJobs()).singleElement().satisfies(j -> assertThat(j.name()).isEqualTo("setup"));
        Source docker = context.add("action.yaml", "runs:\n  using: docker\n  image: docker://alpine:3.19\n");
        ActionMetadata d = (ActionMetadata) new ActionMetadataParser().parse(docker, context).get(0);
        assertThat(d.image().orElseThrow().kind()).isEqualTo(ActionRef.Kind.DOCKER);
        assertThat(d.image().orElseThrow().path()).isEqualTo("alpine:3.19");
    }
}
