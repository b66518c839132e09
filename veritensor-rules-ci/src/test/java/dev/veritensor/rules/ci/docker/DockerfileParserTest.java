package dev.veritensor.rules.ci.docker;

import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.model.ConfiguredValue;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileParserTest {

    private final InMemoryParseContext context = new InMemoryParseContext();

    private Dockerfile parse(String text) throws Exception {
        Source s = context.add("Dockerfile", text);
        return (Dockerfile) new DockerfileParser().parse(s, context).get(0);
    }

    private static List<String> lines(DockerInstruction i) {
        return i.script().orElseThrow().script().lines().stream().map(Script.Line::text).toList();
    }

    @Test
    void acceptsDockerfileNames() {
        DockerfileParser p = new DockerfileParser();
        for (String ok : new String[] {"Dockerfile", "docker/Dockerfile.gpu", "train.Dockerfile", "Containerfile",
            "dockerfile"}) {
            assertThat(p.accepts(Source.of(ok, ""))).as(ok).isTrue();
        }
        for (String no : new String[] {"Dockerfile.dockerignore", "Dockerfile.md", "docker-compose.yml", "Dockerfiles"}) {
            assertThat(p.accepts(Source.of(no, ""))).as(no).isFalse();
        }
    }

    @Test
    void runContinuationsDropCommentLines() throws Exception {
        Dockerfile d = parse("""
                FROM python:3.11-slim AS base
                RUN apt-get update && \\
                    # tools
                    apt-get install -y curl \\

                    && rm -rf /var/lib/apt/lists/*
                """);
        DockerInstruction run = d.stages().get(0).instructions().get(0);
        assertThat(lines(run)).containsExactly("apt-get update && \\", "    apt-get install -y curl \\",
                "    && rm -rf /var/lib/apt/lists/*");
        Script script = run.script().orElseThrow().script();
        assertThat(script.lines().get(0).location()).isEqualTo(Location.ofLine("Dockerfile", 2, 5, 24));
        assertThat(script.lines().get(2).location().startLine()).isEqualTo(6);
        assertThat(script.lines()).allMatch(Script.Line::verbatim);
        assertThat(run.location().startLine()).isEqualTo(2);
        assertThat(run.location().endLine()).isEqualTo(6);
        assertThat(run.script().orElseThrow().shell().allCommands()).hasSize(3);
    }

    @Test
    void heredocsExecFormAndFlags() throws Exception {
        Dockerfile d = parse("""
                FROM ubuntu:24.04
                RUN --mount=type=cache,target=/root/.cache <<EOF
                set -e
                curl -fsSL https://x.io/i.sh | sh
                EOF
                RUN python3 <<-PY
                	print("hi")
                	PY
                RUN ["/bin/sh", "-c", "wget -qO- https://y | sh"]
                RUN ["pip", "install", "torch==2.3.0"]
                """);
        List<DockerInstruction> ins = d.stages().get(0).instructions();
        assertThat(ins.get(0).flag("mount")).contains("type=cache,target=/root/.cache");
        assertThat(lines(ins.get(0))).containsExactly("set -e", "curl -fsSL https://x.io/i.sh | sh");
        assertThat(ins.get(0).script().orElseThrow().script().lines().get(1).location().startLine()).isEqualTo(4);
        assertThat(lines(ins.get(1))).containsExactly("python3 <<-PY", "\tprint(\"hi\")", "\tPY");
        assertThat(lines(ins.get(2))).containsExactly("wget -qO- https://y | sh");
        assertThat(lines(ins.get(3))).containsExactly("pip install torch==2.3.0");
        assertThat(ins.get(3).script().orElseThrow().script().lines().get(0).verbatim()).isFalse();
        assertThat(ins).hasSize(4);
    }

    @Test
    void stagesImagesArgsAndEnv() throws Exception {
        Dockerfile d = parse("""
                # syntax=docker/dockerfile:1
                ARG BASE=nvidia/cuda
                ARG TAG
                FROM --platform=linux/amd64 ${BASE}:${TAG:-12.4.1-runtime} AS build
                ENV HF_HOME=/models PIP_NO_CACHE_DIR="1"
                ENV LEGACY value with spaces
                ARG TOKEN=abc
                RUN pip download x
                FROM build AS test
                COPY --from=build /a /a
                COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/
                FROM scratch
                """);
        assertThat(d.stages()).extracting(DockerStage::name).containsExactly(java.util.Optional.of("build"),
                java.util.Optional.of("test"), java.util.Optional.empty());
        assertThat(d.images()).extracting(ImageReference::reference, ImageReference::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nvidia/cuda:12.4.1-runtime", "FROM"),
                org.assertj.core.groups.Tuple.tuple("ghcr.io/astral-sh/uv:0.4", "COPY --from"));
        assertThat(d.images().get(0).location()).isEqualTo(Location.ofLine("Dockerfile", 4, 29, 59));
        assertThat(d.configuredValues()).extracting(ConfiguredValue::section, ConfiguredValue::name,
                ConfiguredValue::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ARG", "BASE", "nvidia/cuda"),
                org.assertj.core.groups.Tuple.tuple("ENV", "HF_HOME", "/models"),
                org.assertj.core.groups.Tuple.tuple("ENV", "PIP_NO_CACHE_DIR", "1"),
                org.assertj.core.groups.Tuple.tuple("ENV", "LEGACY", "value with spaces"),
                org.assertj.core.groups.Tuple.tuple("ARG", "TOKEN", "abc"));
        assertThat(d.configuredValues().get(2).valueLocation()).isEqualTo(Location.ofLine("Dockerfile", 5, 38, 41));
        Script run = d.stages().get(0).instructions().get(0).script().orElseThrow().script();
        assertThat(run.environment()).extracting(Script.EnvVar::name)
                .containsExactly("HF_HOME", "PIP_NO_CACHE_DIR", "LEGACY", "TOKEN");
        assertThat(d.scriptedJobs()).singleElement().satisfies(j -> assertThat(j.name()).isEqualTo("stage build"));
    }

    @Test
    void hereStringsAreNotHereDocuments() throws Exception {
        Dockerfile d = parse("FROM alpine:3.20\nRUN cat <<<hello\nRUN echo next\n");
        assertThat(d.stages().get(0).instructions()).hasSize(2);
        assertThat(lines(d.stages().get(0).instructions().get(0))).containsExactly("cat <<<hello");
    }

    @Test
    void escapeDirectiveSwitchesTheContinuationCharacter() throws Exception {
        Dockerfile d = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    iwr https://x/a.ps1 | iex\n");
        assertThat(lines(d.stages().get(0).instructions().get(0)))
                .containsExactly("powershell -Command `", "    iwr https://x/a.ps1 | iex");
    }
}
