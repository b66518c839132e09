package dev.veritensor.core.engine;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Script;
import dev.veritensor.api.ScriptParser;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.TextEdit;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.Scanner.RuleSetup;
import dev.veritensor.core.archive.ArchiveExpander;
import dev.veritensor.core.engine.EngineParseContext.IncludeRequest;
import dev.veritensor.core.engine.EngineRuleContext.RawFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One execution of a scan: parse every source with the parsers that accept it (following includes
 * in further rounds), open archives and offer their members as further sources (each archive's
 * {@link dev.veritensor.api.ArchiveListing} joins the documents), derive documents from scripts,
 * run every enabled rule on every matching document, then turn raw reports into findings
 * (severity overrides, credential masking, fingerprints, suppressions) in deterministic order.
 * Work is spread over the scanner's threads; results never depend on their number or timing.
 */
public final class ScanRun {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    private final Scanner scanner;
    private final SourceSet sources;
    private final List<DocumentParser> parsers = new ArrayList<>();
    private final List<ScriptParser> scriptParsers = new ArrayList<>();
    private final Map<String, SourceText> texts = new ConcurrentHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** A parsed document with its deterministic order key. */
    private record Parsed(String path, int parserRank, int derivedFrom, int index, Document document) { }

    public ScanRun(Scanner scanner, SourceSet sources) {
        this.scanner = scanner;
        this.sources = sources;
        for (RulePack p : scanner.packs()) {
            parsers.addAll(p.parsers());
            scriptParsers.addAll(p.scriptParsers());
        }
    }

    /** Runs the scan. */
    public ScanResult execute() {
        ExecutorService pool = scanner.threads() > 1 ? Executors.newFixedThreadPool(scanner.threads(), daemonThreads())
                : null;
        try {
            diagnostics.addAll(sources.diagnostics());
            List<Parsed> documents = new ArrayList<>();
            Set<String> sourcesSeen = new TreeSet<>();
            parseAll(pool, documents, sourcesSeen);
            documents.sort(Comparator.comparing(Parsed::path).thenComparingInt(Parsed::parserRank)
                    .thenComparingInt(Parsed::derivedFrom).thenComparingInt(Parsed::index));
            List<Document> ordered = documents.stream().map(Parsed::document).toList();
            List<RawFinding> raw = runRules(pool, ordered);
            return finish(raw, sourcesSeen.size(), ordered.size());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "veritensor-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---- parsing -------------------------------------------------------------------------------

    /**
     * The result of parsing one source with one parser (or of script parsers on one document, or
     * of opening an archive, whose members are further sources).
     */
    private record ParseOutcome(String path, int parserRank, int derivedFrom, List<Document> documents,
                                List<Diagnostic> diagnostics, List<IncludeRequest> includes, List<Source> members) {
        ParseOutcome(String path, int parserRank, int derivedFrom, List<Document> documents,
                     List<Diagnostic> diagnostics, List<IncludeRequest> includes) {
            this(path, parserRank, derivedFrom, documents, diagnostics, includes, List.of());
        }
    }

    /** The rank of archive listings, which sort before the documents parsers make of the same file. */
    private static final int ARCHIVE_RANK = -1;

    /**
     * Parses in rounds: every pending source with every parser that accepts it (or that asked for
     * it through an include), then script parsers on the new documents; includes found in a round
     * make the next. Each (source, parser) pair is parsed once, which also ends include cycles.
     * Archives are opened in the same round as they are parsed; their members make the next round.
     */
    private void parseAll(ExecutorService pool, List<Parsed> out, Set<String> sourcesSeen) {
        Set<String> done = new HashSet<>();
        Set<String> opened = new HashSet<>();
        Map<String, Integer> archiveDepth = new HashMap<>();
        Map<String, Source> pending = new TreeMap<>();
        Map<String, Set<Integer>> forced = new HashMap<>();
        for (Source s : sources.initial()) {
            pending.put(s.path(), s);
        }
        while (!pending.isEmpty()) {
            List<Supplier<List<ParseOutcome>>> tasks = new ArrayList<>();
            for (Source s : pending.values()) {
                sourcesSeen.add(s.path());
                Set<Integer> extra = forced.getOrDefault(s.path(), Set.of());
                tasks.add(() -> parseSource(s, extra, done));
                if (opened.add(s.path())) {
                    int depth = archiveDepth.getOrDefault(s.path(), 0);
                    tasks.add(() -> List.of(openArchive(s, depth)));
                }
            }
            pending.clear();
            forced.clear();
            List<ParseOutcome> outcomes = new ArrayList<>();
            runAll(pool, tasks).forEach(outcomes::addAll);
            List<Parsed> fresh = new ArrayList<>();
            for (ParseOutcome o : outcomes) {
                done.add(o.parserRank() + "\0" + o.path());
                fresh.addAll(record(o));
                int depth = archiveDepth.getOrDefault(o.path(), 0) + 1;
                for (Source member : sources.addMembers(o.members(), diagnostics::add)) {
                    archiveDepth.put(member.path(), depth);
                    if (!sourcesSeen.contains(member.path())) {
                        pending.putIfAbsent(member.path(), member);
                    }
                }
            }
            out.addAll(fresh);
            List<ParseOutcome> derived = deriveFromScripts(pool, fresh);
            for (ParseOutcome o : derived) {
                out.addAll(record(o));
            }
            for (ParseOutcome o : concat(outcomes, derived)) {
                for (IncludeRequest inc : o.includes()) {
                    String path = inc.source().path();
                    if (inc.parserId() == null) {
                        if (!sourcesSeen.contains(path)) {
                            pending.putIfAbsent(path, inc.source());
                        }
                        continue;
                    }
                    int requester = rankOf(inc.parserId());
                    if (!done.contains(requester + "\0" + path)) {
                        pending.putIfAbsent(path, inc.source());
                        forced.computeIfAbsent(path, k -> new HashSet<>()).add(requester);
                    }
                }
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<Parsed> record(ParseOutcome o) {
        diagnostics.addAll(o.diagnostics());
        List<Parsed> docs = new ArrayList<>();
        for (int i = 0; i < o.documents().size(); i++) {
            docs.add(new Parsed(o.path(), o.parserRank(), o.derivedFrom(), i, o.documents().get(i)));
        }
        return docs;
    }

    private int rankOf(String parserId) {
        for (int i = 0; i < parsers.size(); i++) {
            if (parsers.get(i).id().equals(parserId)) {
                return i;
            }
        }
        throw new IllegalStateException("include requested by unknown parser " + parserId);
    }

    /** Parses {@code s} with every parser that accepts it or is in {@code extra}, unless already done. */
    private List<ParseOutcome> parseSource(Source s, Set<Integer> extra, Set<String> done) {
        List<ParseOutcome> results = new ArrayList<>();
        for (int rank = 0; rank < parsers.size(); rank++) {
            if (done.contains(rank + "\0" + s.path())) {
                continue;
            }
            DocumentParser parser = parsers.get(rank);
            boolean accepted;
            try {
                accepted = extra.contains(rank) || parser.accepts(s);
            } catch (IOException | RuntimeException e) {
                results.add(new ParseOutcome(s.path(), rank, -1, List.of(), List.of(Diagnostic.error("read-error",
                        Location.ofFile(s.path()), "cannot read: " + e.getMessage())), List.of()));
                continue;
            }
            if (accepted) {
                results.add(parseWith(rank, parser, s));
            }
        }
        return results;
    }

    /** Opens {@code s} if it is an archive: its listing, its diagnostics and its members. */
    private ParseOutcome openArchive(Source s, int depth) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            ArchiveExpander.Expansion e = ArchiveExpander.expand(s, depth, scanner.config().limits());
            return new ParseOutcome(s.path(), ARCHIVE_RANK, -1, e.listing().<List<Document>>map(List::of)
                    .orElse(List.of()), e.diagnostics(), List.of(), e.members());
        } catch (IOException e) {
            diags.add(Diagnostic.error("read-error", Location.ofFile(s.path()), "cannot read: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("opening archive {} failed", s.path(), e);
            diags.add(Diagnostic.error("archive-error", Location.ofFile(s.path()), "the archive could not be read ("
                    + e.getClass().getSimpleName() + "); its members were not scanned"));
        }
        return new ParseOutcome(s.path(), ARCHIVE_RANK, -1, List.of(), diags, List.of());
    }

    private ParseOutcome parseWith(int rank, DocumentParser parser, Source s) {
        EngineParseContext ctx = new EngineParseContext(parser.id(), sources, scanner.config().limits(), texts);
        List<Document> docs = List.of();
        try {
            docs = List.copyOf(parser.parse(s, ctx));
        } catch (DocumentParseException e) {
            if (!ctx.alreadyReported(e)) {
                ctx.report(Diagnostic.error("parse-error", e.location(), e.getMessage()));
            }
        } catch (IOException e) {
            ctx.report(Diagnostic.error("read-error", Location.ofFile(s.path()), "cannot read: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("parser {} failed on {}", parser.id(), s.path(), e);
            ctx.report(Diagnostic.error("parser-error", Location.ofFile(s.path()), "parser " + parser.id()
                    + " failed unexpectedly (" + e.getClass().getSimpleName() + "); file not analysed"));
        }
        return new ParseOutcome(s.path(), rank, -1, docs, ctx.diagnostics(), ctx.includes());
    }

    /**
     * Runs every script parser on every script of the documents that contain scripts. Derived
     * documents sort right after their owner. References a script makes are followed by the parsers
     * that accept the referenced file.
     */
    private List<ParseOutcome> deriveFromScripts(ExecutorService pool, List<Parsed> fresh) {
        if (scriptParsers.isEmpty()) {
            return List.of();
        }
        List<Supplier<ParseOutcome>> tasks = new ArrayList<>();
        for (Parsed p : fresh) {
            if (p.document() instanceof ContainsScripts owner) {
                tasks.add(() -> deriveFrom(p, owner));
            }
        }
        return runAll(pool, tasks);
    }

    private ParseOutcome deriveFrom(Parsed p, ContainsScripts owner) {
        EngineParseContext ctx = new EngineParseContext(null, sources, scanner.config().limits(), texts);
        List<Document> docs = new ArrayList<>();
        for (ScriptParser parser : scriptParsers) {
            for (Script script : owner.scripts()) {
                try {
                    docs.addAll(parser.parse(script, owner, ctx));
                } catch (RuntimeException | StackOverflowError e) {
                    LOG.debug("script parser {} failed on {}", parser.id(), p.path(), e);
                    ctx.report(Diagnostic.error("parser-error", script.location(), "script parser "
                            + parser.id() + " failed unexpectedly (" + e.getClass().getSimpleName() + ")"));
                }
            }
        }
        return new ParseOutcome(p.path(), p.parserRank(), p.index(), docs, ctx.diagnostics(), ctx.includes());
    }

    // ---- rules ---------------------------------------------------------------------------------

    private List<RawFinding> runRules(ExecutorService pool, List<Document> documents) {
        ProjectView project = new DocumentsView(documents, scanner.config().internal());
        List<Supplier<List<RawFinding>>> tasks = new ArrayList<>();
        for (Document doc : documents) {
            tasks.add(() -> checkDocument(doc, project));
        }
        List<RawFinding> all = new ArrayList<>();
        for (List<RawFinding> r : runAll(pool, tasks)) {
            all.addAll(r);
        }
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<RawFinding> checkDocument(Document doc, ProjectView project) {
        List<RawFinding> out = new ArrayList<>();
        for (RuleSetup setup : scanner.rules()) {
            if (!setup.rule().documentType().isInstance(doc)) {
                continue;
            }
            List<RawFinding> sink = new ArrayList<>();
            try {
                ((dev.veritensor.api.Rule) setup.rule()).check(doc, new EngineRuleContext(setup, project, sink));
                out.addAll(sink);
            } catch (RuntimeException | StackOverflowError e) {
                LOG.debug("rule {} failed on {}", setup.info().id(), doc.source().path(), e);
                synchronized (diagnostics) {
                    diagnostics.add(Diagnostic.error("rule-error", Location.ofFile(doc.source().path()), "rule "
                            + setup.info().id() + " failed unexpectedly (" + e.getClass().getSimpleName()
                            + "); its findings for this file are missing"));
                }
            }
        }
        return out;
    }

    /** The project view rules see: all documents, in order, and the internal scope. */
    private static final class DocumentsView implements ProjectView {
        private final List<Document> documents;
        private final InternalScope internal;
        private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();

        DocumentsView(List<Document> documents, InternalScope internal) {
            this.documents = documents;
            this.internal = internal;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> documents(Class<T> type) {
            return (List<T>) byType.computeIfAbsent(type,
                    t -> documents.stream().filter(t::isInstance).map(t::cast).toList());
        }

        @Override
        public InternalScope internal() {
            return internal;
        }
    }

    // ---- findings ------------------------------------------------------------------------------

    private ScanResult finish(List<RawFinding> raw, int sourceCount, int documentCount) {
        List<Finding> unranked = new ArrayList<>();
        for (RawFinding r : raw) {
            Severity severity = r.setup().override() != null ? r.setup().override() : r.severity();
            List<Fix> fixes = r.fixes().stream().map(ScanRun::maskFix).toList();
            unranked.add(new Finding(r.setup().info().id(), severity, Redaction.mask(r.message()), r.location(),
                    fixes, ""));
        }
        unranked.sort(Finding.ORDER);
        List<Finding> findings = new ArrayList<>(unranked.size());
        Map<String, Integer> ranks = new HashMap<>(); // per file: findings are sorted by path first
        Finding previous = null;
        for (Finding f : unranked) {
            if (f.equals(previous)) {
                continue; // the same report twice (e.g. a document read by two parsers) counts once
            }
            if (previous == null || !previous.location().path().equals(f.location().path())) {
                ranks.clear();
            }
            previous = f;
            String anchor = Fingerprints.anchor(f.location(), f.message(), texts);
            int rank = ranks.merge(f.ruleId() + "\0" + anchor, 1, Integer::sum) - 1;
            findings.add(new Finding(f.ruleId(), f.severity(), f.message(), f.location(), f.fixes(),
                    Fingerprints.of(f.ruleId(), f.location().path(), anchor, rank)));
        }
        Suppressions.Outcome s = Suppressions.apply(findings, texts);
        List<Diagnostic> diags = new ArrayList<>(new TreeSet<>(maskAll(diagnostics, s.unused())));
        List<RuleInfo> rules = scanner.rules().stream().map(RuleSetup::info).toList();
        return new ScanResult(s.kept(), s.suppressed(), diags, rules, new ScanResult.Stats(sourceCount, documentCount));
    }

    private static List<Diagnostic> maskAll(List<Diagnostic> a, List<Diagnostic> b) {
        List<Diagnostic> out = new ArrayList<>();
        for (List<Diagnostic> list : List.of(a, b)) {
            for (Diagnostic d : list) {
                out.add(new Diagnostic(d.code(), d.level(), Redaction.mask(d.message()), d.location()));
            }
        }
        return out;
    }

    private static Fix maskFix(Fix fix) {
        return new Fix(Redaction.mask(fix.description()), fix.edits().stream()
                .map(e -> new TextEdit(e.range(), Redaction.mask(e.replacement()))).toList());
    }

    // ---- execution -----------------------------------------------------------------------------

    /** Runs the tasks on the pool (or inline) and returns their results in task order. */
    private static <T> List<T> runAll(ExecutorService pool, List<Supplier<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        if (pool == null) {
            for (Supplier<T> t : tasks) {
                results.add(t.get());
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Supplier<T> t : tasks) {
            futures.add(pool.submit(t::get));
        }
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }
}
