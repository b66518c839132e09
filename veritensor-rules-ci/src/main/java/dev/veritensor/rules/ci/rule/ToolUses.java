package dev.veritensor.rules.ci.rule;

import java.util.Set;

/**
 * Recognises commands by what they do to the build: installing packages (which runs their
 * install-time code) and publishing artifacts (packages, images, models, releases).
 */
final class ToolUses {

    private static final Set<String> PIP = Set.of("pip", "pip3");
    private static final Set<String> CONDA = Set.of("conda", "mamba", "micromamba");

    private ToolUses() {
    }

    /** Whether the invocation installs packages from a registry. */
    static boolean installsPackages(Invocation i) {
        String t = i.tool();
        if (PIP.contains(t) || t.matches("pip3\\.[0-9]+")) {
            return i.startsWith("install");
        }
        return switch (t) {
            case "uv" -> i.startsWith("pip", "install") || i.startsWith("sync") || i.startsWith("add");
            case "poetry" -> i.startsWith("install") || i.startsWith("add");
            case "pipenv" -> i.startsWith("install") || i.startsWith("sync");
            case "pdm" -> i.startsWith("install") || i.startsWith("sync") || i.startsWith("add");
            case "npm" -> i.startsWith("install") || i.startsWith("ci") || i.startsWith("i");
            case "pnpm" -> i.startsWith("install") || i.startsWith("i");
            case "yarn" -> i.arguments().isEmpty() || i.startsWith("install");
            default -> CONDA.contains(t) && (i.startsWith("install") || i.startsWith("create")
                    || i.startsWith("env", "create") || i.startsWith("env", "update"));
        };
    }

    /** Whether the invocation publishes a package, image, model or release. */
    static boolean publishes(Invocation i) {
        return switch (i.tool()) {
            case "twine" -> i.startsWith("upload");
            case "uv", "poetry", "hatch", "flit", "pdm", "npm" -> i.startsWith("publish");
            case "docker", "podman" -> i.startsWith("push")
                    || (i.arguments().stream().anyMatch(w -> w.text().equals("--push")));
            case "huggingface-cli", "hf" -> i.startsWith("upload");
            case "gh" -> i.startsWith("release", "create") || i.startsWith("release", "upload");
            case "goreleaser" -> i.startsWith("release");
            default -> false;
        };
    }
}
