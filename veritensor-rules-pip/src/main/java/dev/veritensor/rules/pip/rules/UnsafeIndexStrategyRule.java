package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Document;
import dev.veritensor.api.Fix;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.confusion.EffectiveIndexConfigs;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PdmSources;
import dev.veritensor.rules.pip.resolution.PipfileSources;
import dev.veritensor.rules.pip.resolution.PoetrySources;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.resolution.UvIndexes;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code pip/unsafe-index-strategy}: a setting that makes a tool merge a private index with
 * others by best version, or fall through from it to the next index:
 * <ul>
 *   <li>uv {@code index-strategy = "unsafe-best-match"} or {@code "unsafe-first-match"}, in
 *       {@code pyproject.toml}, {@code uv.toml}, or as {@code UV_INDEX_STRATEGY} in the environment
 *       a CI file or Dockerfile sets for a script;</li>
 *   <li>uv {@code ignore-error-codes} containing 401 or 403 on an index that is not public: when
 *       the index refuses access, uv goes on to the next index (PyPI) instead of stopping;</li>
 *   <li>a Poetry source that is not public with priority {@code supplemental} or
 *       {@code secondary}: primary sources, PyPI included, win over it;</li>
 *   <li>a PDM source that is not public, without {@code include_packages}, while another source
 *       (PyPI by default) is searched with it and {@code respect-source-order} is off;</li>
 *   <li>Pipenv {@code install_search_all_sources = true} with several sources.</li>
 * </ul>
 * Settings are reported as written, also a {@code [tool.uv]} that a {@code uv.toml} beside it
 * currently overrides.
 */
public final class UnsafeIndexStrategyRule implements Rule<Document> {

    /** The environment variable uv reads its index strategy from. */
    public static final String UV_INDEX_STRATEGY = "UV_INDEX_STRATEGY";

    private static final RuleInfo INFO = RuleInfo.builder("pip/unsafe-index-strategy")
            .title("Index configuration merges a private index with public ones")
            .severity(Severity.HIGH)
            .description("The configuration lets a package's version come from whichever index offers the best "
                    + "one, or lets the lookup go past the private index: uv's unsafe index strategies and "
                    + "ignored 401/403 errors, Poetry supplemental or secondary private sources, PDM sources "
                    + "without a source order or include rules, Pipenv's install_search_all_sources. A package "
                    + "name published on a public index can then replace the private one (dependency "
                    + "confusion).")
            .remediation("Keep uv's default first-index strategy and do not ignore 401/403 on private indexes; make "
                    + "private Poetry sources primary (first) or explicit with source constraints; give PDM "
                    + "sources include_packages or set respect-source-order with the private source first; remove "
                    + "install_search_all_sources.")
            .tags("security", "supply-chain", "dependency-confusion", "CWE-427")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Document> documentType() {
        return Document.class;
    }

    @Override
    public void check(Document document, RuleContext ruleContext) {
        InternalScope scope = ruleContext.project().internal();
        RuleContext context = new OncePerLocation(ruleContext);
        for (IndexConfig config : EffectiveIndexConfigs.statedBy(document)) {
            if (config instanceof UvIndexes uv) {
                uv(uv, scope, context);
            } else if (config instanceof PoetrySources poetry) {
                poetry(poetry, scope, context);
            } else if (config instanceof PdmSources pdm) {
                pdm(pdm, scope, context);
            } else if (config instanceof PipfileSources pipenv) {
                pipenv(pipenv, context);
            }
        }
        if (document instanceof ContainsScripts scripts) {
            for (Script script : scripts.scripts()) {
                for (Script.EnvVar v : script.environment()) {
                    if (v.name().equals(UV_INDEX_STRATEGY) && isUnsafe(v.value())) {
                        context.report(v.location(), UV_INDEX_STRATEGY + "=" + v.value().strip() + " makes uv search "
                                + "every index for every package (" + script.origin() + " at line "
                                + script.location().startLine() + "), so a public package can replace a private one");
                    }
                }
            }
        }
    }

    /**
     * Reports each location once: the {@code uv pip} interface inherits top-level settings, so a
     * setting may be seen through two configurations.
     */
    private static final class OncePerLocation implements RuleContext {
        private final RuleContext delegate;
        private final Set<Location> reported = new HashSet<>();

        OncePerLocation(RuleContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public RuleOptions options() {
            return delegate.options();
        }

        @Override
        public ProjectView project() {
            return delegate.project();
        }

        @Override
        public void report(Location location, String message,
                           List<Fix> fixes) {
            if (reported.add(location)) {
                delegate.report(location, message, fixes);
            }
        }

        @Override
        public void report(Severity severity, Location location, String message,
                           List<Fix> fixes) {
            if (reported.add(location)) {
                delegate.report(severity, location, message, fixes);
            }
        }
    }

    private static boolean isUnsafe(String value) {
        return UvIndexes.StrategyKind.of(value).filter(k -> k != UvIndexes.StrategyKind.FIRST_INDEX).isPresent();
    }

    private static void uv(UvIndexes uv, InternalScope scope, RuleContext context) {
        uv.strategy().filter(s -> s.kind() != UvIndexes.StrategyKind.FIRST_INDEX).ifPresent(s -> context.report(
                s.location(), uv.tool() + " index-strategy \"" + s.kind().spelling() + "\" searches every index for "
                        + "every package, so a public index can supply a package that a private index also serves"));
        for (UvIndexes.Index i : uv.indexes()) {
            if (i.passesOnAuthFailure() && !PublicIndexes.isPublic(i.url(), scope)) {
                context.report(i.ignoredErrorCodesLocation().orElse(i.location()), "ignore-error-codes on "
                        + i.name().orElse(Redaction.mask(i.url())) + " makes " + uv.tool()
                        + " go on to the next index when this "
                        + "index refuses access (401/403), so a lapsed credential resolves private names publicly");
            }
        }
    }

    private static void poetry(PoetrySources poetry, InternalScope scope, RuleContext context) {
        for (PoetrySources.Source s : poetry.sources()) {
            boolean lowered = s.priority() == PoetrySources.Priority.SUPPLEMENTAL
                    || s.priority() == PoetrySources.Priority.SECONDARY;
            if (lowered && !s.isPypi() && !PublicIndexes.isPublic(s.effectiveUrl(), scope)) {
                String priority = s.priority().name().toLowerCase(Locale.ROOT);
                context.report(s.priorityLocation().orElse(s.location()), "Poetry source '" + s.name()
                        + "' is " + priority + ": " + (s.priority() == PoetrySources.Priority.SECONDARY
                        ? "its versions are merged with those of the primary sources and PyPI, which win ties"
                        : "it is searched only when no primary source (PyPI included) has the package")
                        + ", so a public package of the same name is taken first");
            }
        }
    }

    private static void pdm(PdmSources pdm, InternalScope scope, RuleContext context) {
        if (pdm.respectSourceOrder().isPresent()) {
            return;
        }
        long searched = pdm.sources().stream().filter(s -> s.includePackages().isEmpty()).count()
                + (pdm.implicitPypi() ? 1 : 0);
        for (PdmSources.Source s : pdm.sources()) {
            if (s.includePackages().isEmpty() && !s.findLinks() && searched > 1
                    && !PublicIndexes.isPublic(s.url(), scope)) {
                context.report(s.location(), "PDM searches source '" + s.name() + "' together with "
                        + (pdm.implicitPypi() ? "PyPI" : "the other sources") + " and takes the best version "
                        + "(no include_packages, no respect-source-order)");
            }
        }
    }

    private static void pipenv(PipfileSources pipenv, RuleContext context) {
        if (pipenv.sources().size() > 1) {
            pipenv.installSearchAllSources().ifPresent(l -> context.report(l, "install_search_all_sources makes "
                    + "Pipenv search all " + pipenv.sources().size() + " sources at install time instead of each "
                    + "package's own index"));
        }
    }
}
