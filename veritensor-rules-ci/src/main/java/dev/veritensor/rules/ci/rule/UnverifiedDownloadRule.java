package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Location;
import dev.veritensor.api.Precision;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.docker.DockerInstruction;
import dev.veritensor.rules.ci.docker.DockerStage;
import dev.veritensor.rules.ci.docker.Dockerfile;
import dev.veritensor.rules.ci.model.ParsedScript;
import dev.veritensor.rules.ci.model.PipelineDocument;
import dev.veritensor.rules.ci.model.ScriptedJob;
import dev.veritensor.rules.ci.shell.Pipeline;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ci/unverified-download}: a job fetches data, model weights or binaries ({@code curl -o},
 * {@code wget}, {@code aws s3 cp/sync}, {@code gsutil cp}, {@code gcloud storage cp},
 * {@code azcopy}, {@code huggingface-cli download}, {@code hf download}, {@code gh release
 * download}, {@code kaggle … download}, a Dockerfile {@code ADD <url>}) and nothing later in the
 * same job (GitHub job, GitLab job, Docker build stage) verifies that file: no checksum check
 * naming it, no checksum-list check ({@code sha256sum -c SUMS}), no signature check. Downloads
 * streamed straight into {@code tar} and the like can never be verified and are always reported.
 * Hugging Face downloads pinned to a commit ({@code --revision <sha>}) and {@code ADD --checksum}
 * are verified by construction.
 *
 * <p>A download is reported unless it is verified, or unless it is only compared: when every later
 * command of the job that names the file is a read-only comparison ({@code diff}, {@code cmp},
 * {@code comm}, {@code sdiff}, {@code diff3}, {@code git diff}, {@code grep}/{@code egrep}/
 * {@code fgrep}/{@code rg}, alone or in a pipeline of such commands and plain readers such as
 * {@code cat}, {@code head}, {@code tail}, {@code sort}), with no output written to a file, and at
 * least one does, the fetched content is never executed, installed, extracted, copied or loaded,
 * and there is nothing to verify. Any other later mention of the file counts as a use; a file that
 * is never named again is reported too, since a program may read it without naming it (a model
 * cache, a data folder). Messages of CI jobs do not name the job: a script shared by
 * several jobs (a YAML anchor, a GitLab template) yields one identical finding per job at the same
 * place, which the finding sink reports once.
 */
public final class UnverifiedDownloadRule implements Rule<PipelineDocument> {

    private static final Set<String> EXTRACTORS = Set.of("tar", "bsdtar", "gunzip", "gzip", "zcat", "xz", "unxz",
            "zstd", "unzstd", "bunzip2", "bzip2", "cpio", "7z", "unzip", "funzip");

    private static final Set<String> COMPARATORS = Set.of("diff", "cmp", "comm", "sdiff", "diff3", "colordiff",
            "grep", "egrep", "fgrep", "rg");
    private static final Set<String> READERS = Set.of("cat", "head", "tail", "sort", "uniq", "wc");

    private static final RuleInfo INFO = RuleInfo.builder("ci/unverified-download")
            .title("Download used without checksum or signature verification")
            .severity(Severity.MEDIUM)
            .description("Datasets, model weights, tools and archives fetched during a build are trusted as "
                    + "they arrive. Without a checksum or signature check of the file, a compromised bucket, "
                    + "model repository, release page or mirror feeds tampered content (a backdoored binary, a "
                    + "pickle with code in it) into training, tests and published artifacts. A file that the job "
                    + "only compares afterwards (every later command naming it is `diff`, `cmp`, `grep` or the "
                    + "like, writing no file) is not reported: its content is never run, installed or loaded.")
            .remediation("Pin what you fetch and verify it before use: keep the expected SHA-256 in the "
                    + "repository and run `echo \"<sha256>  file\" | sha256sum -c -`, check a published signature "
                    + "(`gpg --verify`, `cosign verify-blob`), use `ADD --checksum=sha256:…` in Dockerfiles, and "
                    + "download Hugging Face models with `--revision <commit-sha>`.")
            .tags("supply-chain", "ml", "CWE-494", "CWE-353")
            .precision(Precision.MEDIUM)
            .build();

    /** A file fetched by a job. */
    private record Download(String tool, List<String> names, boolean streamed, Location location) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<PipelineDocument> documentType() {
        return PipelineDocument.class;
    }

    @Override
    public void check(PipelineDocument document, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        if (document instanceof Dockerfile dockerfile) {
            for (DockerStage stage : dockerfile.stages()) {
                Job job = new Job(stage.label());
                for (DockerInstruction i : stage.instructions()) {
                    if (i.keyword().equals("ADD")) {
                        remoteAdd(i).ifPresent(job.downloads::add);
                    }
                    i.script().ifPresent(job::script);
                }
                job.report(sink);
            }
            return;
        }
        for (ScriptedJob scripted : document.scriptedJobs()) {
            Job job = new Job("the job");
            scripted.scripts().forEach(job::script);
            job.report(sink);
        }
    }

    private static Optional<Download> remoteAdd(DockerInstruction add) {
        if (add.flag("checksum").isPresent() || add.arguments().size() < 2) {
            return Optional.empty();
        }
        List<String> sources = add.arguments().subList(0, add.arguments().size() - 1);
        String destination = add.arguments().get(add.arguments().size() - 1);
        for (String s : sources) {
            boolean remote = s.startsWith("http://") || s.startsWith("https://");
            boolean git = s.endsWith(".git") || s.contains(".git#");
            if (remote && !git) {
                List<String> names = new ArrayList<>(List.of(Fetches.baseName(s)));
                if (!destination.endsWith("/")) {
                    names.add(Fetches.baseName(destination));
                }
                return Optional.of(new Download("ADD", names, false, add.location()));
            }
        }
        return Optional.empty();
    }

    /** The downloads and verifications of one job, in execution order. */
    private static final class Job {
        private final String label;
        private final List<Download> downloads = new ArrayList<>();
        private final List<Download> unverified = new ArrayList<>();
        private final Set<Download> compared = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Download> used = Collections.newSetFromMap(new IdentityHashMap<>());

        Job(String label) {
            this.label = label;
        }

        void script(ParsedScript script) {
            Map<SimpleCommand, Boolean> topLevel = new IdentityHashMap<>();
            script.shell().pipelines().forEach(p -> p.commands().forEach(c -> topLevel.put(c, Boolean.TRUE)));
            for (Pipeline pipeline : script.shell().allPipelines()) {
                List<SimpleCommand> stages = pipeline.commands();
                for (int i = 0; i < stages.size(); i++) {
                    SimpleCommand c = stages.get(i);
                    Location at = script.locate(c.start(), c.end());
                    List<Word> context = new ArrayList<>();
                    for (int k = 0; k < stages.size(); k++) {
                        if (k != i) {
                            context.addAll(stages.get(k).words());
                        }
                    }
                    boolean compared = stages.size() > 1 || !topLevel.containsKey(c);
                    Optional<Verifications.Verification> verification = Verifications.of(c, compared, context);
                    if (verification.isPresent()) {
                        verify(verification.get());
                        continue;
                    }
                    mentions(c, comparisonOnly(pipeline));
                    Optional<Fetches.FileFetch> fetch = Fetches.fetchToFile(c);
                    if (fetch.isPresent()) {
                        if (!fetch.get().pinned()) {
                            downloads.add(new Download(fetch.get().tool(), List.of(fetch.get().target()), false, at));
                        }
                    } else if (Fetches.fetchesToStdout(c)) {
                        streamed(stages, i, c, at);
                    }
                }
            }
        }

        /** A fetch to standard output: kept by {@code tee}, or fed to an extractor. */
        private void streamed(List<SimpleCommand> stages, int i, SimpleCommand fetch, Location at) {
            for (int k = i + 1; k < stages.size(); k++) {
                Optional<Invocation> next = Invocation.of(stages.get(k));
                if (next.isEmpty()) {
                    continue;
                }
                String tool = next.get().tool();
                if (tool.equals("tee")) {
                    next.get().firstOperand(Set.of()).ifPresent(f -> downloads.add(new Download(name(fetch),
                            List.of(Fetches.baseName(f.text())), false, at)));
                    return;
                }
                if (EXTRACTORS.contains(tool)) {
                    unverified.add(new Download(name(fetch), List.of(), true, at));
                    return;
                }
            }
        }

        /** Records which pending downloads {@code c} names, and whether it only compares them. */
        private void mentions(SimpleCommand c, boolean comparison) {
            List<String> words = new ArrayList<>();
            c.words().forEach(w -> words.add(w.text()));
            c.redirects().forEach(r -> r.target().ifPresent(t -> words.add(t.text())));
            for (Download d : downloads) {
                if (d.names().stream().anyMatch(n -> !n.isEmpty() && words.stream().anyMatch(w -> w.contains(n)))) {
                    (comparison ? compared : used).add(d);
                }
            }
        }

        /**
         * Whether the pipeline only compares files: at least one comparison command, otherwise only
         * plain readers, and no output written to a file.
         */
        private static boolean comparisonOnly(Pipeline pipeline) {
            boolean comparison = false;
            for (SimpleCommand c : pipeline.commands()) {
                Optional<Invocation> inv = Invocation.of(c);
                if (inv.isEmpty() || c.redirects().stream().anyMatch(r -> r.writesFile() && r.target()
                        .filter(t -> !t.text().equals("/dev/null")).isPresent())) {
                    return false;
                }
                String tool = inv.get().tool();
                if (COMPARATORS.contains(tool) || (tool.equals("git") && inv.get().startsWith("diff"))) {
                    comparison = true;
                } else if (!READERS.contains(tool)) {
                    return false;
                }
            }
            return comparison;
        }

        private void verify(Verifications.Verification v) {
            downloads.removeIf(d -> d.names().stream().anyMatch(v::covers));
        }

        void report(FindingSink sink) {
            for (Download d : unverified) {
                sink.report(d.location(), "`" + d.tool() + "` output is unpacked as it downloads, so it can never "
                        + "be verified; save it, check its SHA-256 or signature, then unpack it");
            }
            for (Download d : downloads) {
                if (compared.contains(d) && !used.contains(d)) {
                    continue;
                }
                String what = d.names().isEmpty() || d.names().get(0).isEmpty() ? "a file"
                        : "`" + d.names().get(0) + "`";
                sink.report(d.location(), "`" + d.tool() + "` fetches " + what + " and nothing later in " + label
                        + " verifies its checksum or signature (e.g. `sha256sum -c`)");
            }
        }

        private static String name(SimpleCommand c) {
            SimpleCommand e = c.effective();
            return e.words().isEmpty() ? "" : e.words().get(0).text();
        }
    }
}
