package dev.veritensor.rules.ci;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.rules.ci.docker.DockerfileParser;
import dev.veritensor.rules.ci.github.ActionMetadataParser;
import dev.veritensor.rules.ci.github.WorkflowParser;
import dev.veritensor.rules.ci.gitlab.GitLabCiParser;
import dev.veritensor.rules.ci.testing.CiHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized robustness test: the fixtures, mutated line by line and byte by byte (lines
 * dropped, duplicated, swapped and re-indented, characters replaced by YAML, shell and
 * expression syntax, files cut short), through every parser and rule of the pack under the
 * {@link CiHarness} contract.
 */
class ParserRobustnessTest {

    private static final String[] INSERTS = {"${{", "}}", "|", ">-", "&a", "*a", "<<: *a", "'", "\"", "\\", "\t", ": ",
        "- ", "#", "$(", "`", "<<EOF", "EOF", "[", "{", "\n", "  ", "uses: x@", "run: ", "@sha256:", "://u:p@h"};

    private static List<Path> files(String glob) throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(ParserRobustnessTest.class.getResource("fixtures")).toURI());
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> matcher.matches(root.relativize(p))).sorted().toList();
        }
    }

    private static byte[] mutate(Random r, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = r.nextInt(lines.size());
            switch (r.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> {
                    int j = r.nextInt(lines.size());
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 3 -> lines.set(i, " ".repeat(r.nextInt(6)) + lines.get(i).strip());
                case 4 -> {
                    String l = lines.get(i);
                    int at = l.isEmpty() ? 0 : r.nextInt(l.length() + 1);
                    lines.set(i, l.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + l.substring(at));
                }
                case 5 -> {
                    String l = lines.get(i);
                    if (!l.isEmpty()) {
                        int at = r.nextInt(l.length());
                        lines.set(i, l.substring(0, at) + l.substring(Math.min(l.length(), at + 1 + r.nextInt(8))));
                    }
                }
                default -> lines.subList(i, lines.size()).clear();
            }
        }
        return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void mutateAll(String glob, DocumentParser parser, String path, long seed) throws Exception {
        List<Path> files = files(glob);
        assertThat(files).isNotEmpty();
        Random r = new Random(seed);
        for (int i = 0; i < 1_500; i++) {
            String text = Files.readString(files.get(r.nextInt(files.size())));
            byte[] mutated = mutate(r, text);
            try {
                CiHarness.check(parser, path, mutated);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("contract broken for input:\n" + new String(mutated,
                        java.nio.charset.StandardCharsets.UTF_8), e);
            }
        }
    }

    @Test
    void workflows() throws Exception {
        mutateAll("**/.github/workflows/*.yml", new WorkflowParser(), ".github/workflows/m.yml", 0x5EED_0301L);
    }

    @Test
    void actions() throws Exception {
        mutateAll("**/action.yml", new ActionMetadataParser(), "action.yml", 0x5EED_0302L);
    }

    @Test
    void gitlab() throws Exception {
        mutateAll("**/.gitlab-ci.yml", new GitLabCiParser(), ".gitlab-ci.yml", 0x5EED_0303L);
    }

    @Test
    void dockerfiles() throws Exception {
        mutateAll("**/*ockerfile*", new DockerfileParser(), "Dockerfile", 0x5EED_0304L);
    }
}
