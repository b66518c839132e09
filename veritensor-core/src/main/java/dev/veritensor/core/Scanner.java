package dev.veritensor.core;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.core.archive.ArchiveExpander;
import dev.veritensor.core.config.ConfigException;
import dev.veritensor.core.config.ScanConfig;
import dev.veritensor.core.engine.ScanRun;
import dev.veritensor.core.engine.SourceSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The entry point for embedding Veritensor: built once from rule packs, a configuration and a
 * thread count, then used for any number of scans, from any number of threads.
 *
 * <pre>{@code
 * Scanner scanner = Scanner.builder().loadInstalledPacks().config(config).build();
 * ScanResult onDisk = scanner.scan(Path.of("my-repo"));
 * ScanResult inMemory = scanner.scan(List.of(Source.of("requirements.txt", editorBuffer)));
 * }</pre>
 *
 * <p>A scan never executes what it reads and never uses the network. Its result is the same for the
 * same content, whether read from disk or passed in memory, and whatever the thread count.
 */
public final class Scanner {

    private final List<RulePack> packs;
    private final ScanConfig config;
    private final int threads;
    private final List<RuleSetup> rules;

    /**
     * A rule as this scanner runs it: its metadata with the configured severity, and its options.
     *
     * @param rule     the rule
     * @param info     metadata, default severity replaced by any configured override
     * @param override the configured severity, replacing whatever the rule reports, or null
     * @param options  option values
     */
    public record RuleSetup(Rule<?> rule, RuleInfo info, Severity override, RuleOptions options) {
    }

    private Scanner(List<RulePack> packs, ScanConfig config, int threads, List<RuleSetup> rules) {
        this.packs = packs;
        this.config = config;
        this.threads = threads;
        this.rules = rules;
    }

    /** Starts building a scanner. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans the directory tree at {@code root}: every regular file below it, except {@code .git},
     * {@code .hg} and {@code .svn} folders and configured exclusions. Links are followed only to
     * files inside the root.
     *
     * @throws IOException when {@code root} is not a readable directory
     */
    public ScanResult scan(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        return new ScanRun(this, SourceSet.ofDirectory(root.toRealPath(), config.exclude())).execute();
    }

    /**
     * Scans only {@code paths} (files or folders inside {@code root}; relative paths are resolved
     * against the working directory, like any {@link Path}); references between files, such as
     * {@code -r ../base.txt}, still resolve against the whole of {@code root}. A named file that no
     * parser reads is reported as a {@code not-recognised} warning, so asking for a file never
     * passes silently without checking it.
     *
     * @throws IOException when {@code root} is not a readable directory or a path is missing or outside it
     */
    public ScanResult scan(Path root, Collection<Path> paths) throws IOException {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        Path real = root.toRealPath();
        List<Path> starts = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("no such file or folder: " + p);
            }
            Path parent = abs.getParent();
            starts.add(parent == null ? real : parent.toRealPath().resolve(abs.getFileName()));
        }
        SourceSet sources = SourceSet.ofDirectory(real, starts, config.exclude());
        ScanResult result = new ScanRun(this, sources).execute();
        List<Diagnostic> unread = new ArrayList<>();
        for (Path start : starts) {
            if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
                String path = real.relativize(start).toString().replace(java.io.File.separatorChar, '/');
                Source source = Source.ofFile(path, start);
                if (!isRead(source)) {
                    unread.add(Diagnostic.warning("not-recognised", Location.ofFile(path), "no parser reads this"
                            + " file (its name or content is not a format Veritensor knows), so nothing was checked"));
                }
            }
        }
        if (unread.isEmpty()) {
            return result;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        diagnostics.addAll(unread);
        diagnostics.sort(null);
        return new ScanResult(result.findings(), result.suppressed(), diagnostics, result.rules(), result.stats());
    }

    /** Whether a scan reads {@code source}: a parser accepts it, or it is an archive whose members are scanned. */
    private boolean isRead(Source source) {
        try {
            if (ArchiveExpander.opens(source)) {
                return true;
            }
        } catch (IOException e) {
            return true; // the scan itself reports the read problem
        }
        for (RulePack pack : packs) {
            for (DocumentParser parser : pack.parsers()) {
                try {
                    if (parser.accepts(source)) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    return true; // the scan itself reports the read problem
                }
            }
        }
        return false;
    }

    /**
     * Scans in-memory sources (an IDE's unsaved buffers, say). References between them (such as
     * {@code -r other.txt}) resolve among the given sources only. Exclusions apply.
     *
     * @throws IllegalArgumentException when two sources share a path
     */
    public ScanResult scan(Collection<Source> sources) {
        return new ScanRun(this, SourceSet.ofSources(sources, config.exclude())).execute();
    }

    /** The packs this scanner runs. */
    public List<RulePack> packs() {
        return packs;
    }

    /** The configuration. */
    public ScanConfig config() {
        return config;
    }

    /** How many threads a scan uses. */
    public int threads() {
        return threads;
    }

    /** The enabled rules with their effective metadata, ordered by id. */
    public List<RuleSetup> rules() {
        return rules;
    }

    /** Builds a {@link Scanner}; validates the configuration against the packs' rules. */
    public static final class Builder {
        private final List<RulePack> packs = new ArrayList<>();
        private ScanConfig config = ScanConfig.defaults();
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Adds every pack registered with {@link ServiceLoader} on the context class path. */
        public Builder loadInstalledPacks() {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return loadPacks(cl != null ? cl : Scanner.class.getClassLoader());
        }

        /** Adds every pack registered with {@link ServiceLoader} in {@code loader}. */
        public Builder loadPacks(ClassLoader loader) {
            for (RulePack p : ServiceLoader.load(RulePack.class, loader)) {
                packs.add(p);
            }
            return this;
        }

        /** Adds a pack explicitly. */
        public Builder addPack(RulePack pack) {
            packs.add(Objects.requireNonNull(pack, "pack"));
            return this;
        }

        /** Sets the configuration (defaults when not called). */
        public Builder config(ScanConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Sets the number of scan threads, at least 1 (defaults to the processor count). */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Builds the scanner.
         *
         * @throws ConfigException when two packs share an id or rule id, or the configuration names
         *                         an unknown rule or option or gives an option a wrong value
         */
        public Scanner build() throws ConfigException {
            Map<String, RulePack> byId = new LinkedHashMap<>();
            for (RulePack p : packs) {
                RulePack prev = byId.putIfAbsent(p.id(), p);
                if (prev != null && prev.getClass() != p.getClass()) {
                    throw new ConfigException("two rule packs share the id '" + p.id() + "': "
                            + prev.getClass().getName() + " and " + p.getClass().getName());
                }
            }
            List<RulePack> unique = new ArrayList<>(byId.values());
            unique.sort(Comparator.comparing(RulePack::id));
            Map<String, Rule<?>> all = new HashMap<>();
            for (RulePack p : unique) {
                for (Rule<?> r : p.rules()) {
                    if (all.putIfAbsent(r.info().id(), r) != null) {
                        throw new ConfigException("rule id '" + r.info().id() + "' is defined twice (pack " + p.id() + ")");
                    }
                }
            }
            checkRuleIds(all, config.disabledRules().stream()
                    .filter(d -> !d.endsWith("/*")).toList(), "rules.disable");
            java.util.Set<String> prefixes = new java.util.TreeSet<>();
            all.keySet().forEach(id -> prefixes.add(id.substring(0, id.indexOf('/'))));
            for (String d : config.disabledRules()) {
                if (d.endsWith("/*") && !prefixes.contains(d.substring(0, d.length() - 2))) {
                    throw new ConfigException(config.where("rules.disable", d) + ": rules.disable names no rules with '"
                            + d + "' (rule id prefixes: " + String.join(", ", prefixes) + ")");
                }
            }
            checkRuleIds(all, config.severityOverrides().keySet(), "rules.severity");
            checkRuleIds(all, config.ruleOptions().keySet(), "rules.options");
            List<RuleSetup> setups = new ArrayList<>();
            for (Rule<?> r : all.values()) {
                RuleInfo info = r.info();
                Map<String, Object> values = new HashMap<>();
                for (RuleOption o : info.options()) {
                    values.put(o.name(), o.defaultValue());
                }
                Map<String, Object> configured = config.ruleOptions().getOrDefault(info.id(), Map.of());
                for (Map.Entry<String, Object> e : configured.entrySet()) {
                    RuleOption o = info.options().stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                            .orElseThrow(() -> new ConfigException(config.where("rules.options", info.id() + "."
                                    + e.getKey()) + ": rules.options.\"" + info.id() + "\"." + e.getKey()
                                    + " is not an option of " + info.id() + optionList(info)));
                    if (!RuleOption.accepts(o.type(), e.getValue())) {
                        throw new ConfigException(config.where("rules.options", info.id() + "." + e.getKey())
                                + ": rules.options.\"" + info.id() + "\"." + e.getKey()
                                + " must be of type " + o.type().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    values.put(e.getKey(), e.getValue());
                }
                if (config.isDisabled(info.id())) {
                    continue;
                }
                Severity override = config.severityOverrides().get(info.id());
                RuleInfo effective = override == null ? info : info.withSeverity(override);
                setups.add(new RuleSetup(r, effective, override, new RuleOptions(values)));
            }
            setups.sort(Comparator.comparing(s -> s.info().id()));
            return new Scanner(List.copyOf(unique), config, threads, List.copyOf(setups));
        }

        private static String optionList(RuleInfo info) {
            return info.options().isEmpty() ? " (it has no options)"
                    : " (options: " + String.join(", ", info.options().stream().map(RuleOption::name).toList()) + ")";
        }

        private void checkRuleIds(Map<String, Rule<?>> all, Collection<String> ids, String key) throws ConfigException {
            for (String id : ids) {
                if (!all.containsKey(id)) {
                    throw new ConfigException(config.where(key, id) + ": " + key + " names unknown rule '" + id + "'"
                            + closest(all.keySet(), id).map(c -> " (did you mean '" + c + "'?)").orElse(""));
                }
            }
        }

        /** The rule id nearest to {@code id} by edit distance, when it is near enough to be a slip. */
        private static Optional<String> closest(Collection<String> ids, String id) {
            LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, id.length() / 4));
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : new java.util.TreeSet<>(ids)) { // ties go to the first id by name
                int d = distance.apply(candidate, id); // -1 beyond the threshold
                if (d >= 0 && d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
