package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' lookup rules as the resolution models state them, on hand-built configurations. */
class ResolutionModelsTest {

    private static final Location AT = Location.ofLine("f", 1, 1, 2);

    private static Dependency dep(String name) {
        return Dependency.registry(name, "", AT, AT);
    }

    private static List<String> urls(Resolution r) {
        return r.candidates().stream().map(Candidate::url).toList();
    }

    private static PoetrySources.Source poetry(String name, String url, PoetrySources.Priority p) {
        return new PoetrySources.Source(name, Optional.ofNullable(url), p, AT, Optional.empty());
    }

    @Test
    void poetryPrimarySourceDisablesTheImplicitPypiAndExplicitSourcesAreNeverSearched() {
        PoetrySources sources = new PoetrySources(List.of(
                poetry("corp", "https://corp/simple", PoetrySources.Priority.PRIMARY),
                poetry("torch", "https://download.pytorch.org/whl/cpu", PoetrySources.Priority.EXPLICIT)), Map.of());
        Resolution r = sources.resolve(dep("anything"));
        assertThat(r.mode()).isEqualTo(Resolution.Mode.BEST_MATCH);
        assertThat(urls(r)).containsExactly("https://corp/simple");
        assertThat(sources.implicitPypiLive()).isFalse();
    }

    @Test
    void poetrySupplementalOnlyLeavesPypiLiveAndSecondaryIsMerged() {
        PoetrySources sources = new PoetrySources(List.of(
                new PoetrySources.Source("sup", Optional.of("https://sup/simple"), PoetrySources.Priority.SUPPLEMENTAL,
                        Location.ofLine("f", 3, 1, 2), Optional.empty()),
                new PoetrySources.Source("sec", Optional.of("https://sec/simple"), PoetrySources.Priority.SECONDARY,
                        Location.ofLine("f", 7, 1, 2), Optional.empty())), Map.of());
        assertThat(urls(sources.resolve(dep("x")))).containsExactly(PublicIndexes.PYPI, "https://sec/simple");
        assertThat(sources.indexSettings()).as("in source order").extracting(IndexSetting::role)
                .containsExactly(IndexSetting.Role.SUPPLEMENTAL, IndexSetting.Role.EXTRA);
    }

    @Test
    void poetryPypiNamedWithAnyPriorityReplacesTheImplicitOne() {
        PoetrySources sources = new PoetrySources(List.of(
                poetry("corp", "https://corp/simple", PoetrySources.Priority.SUPPLEMENTAL),
                poetry("PyPI", null, PoetrySources.Priority.EXPLICIT)), Map.of());
        assertThat(sources.implicitPypiLive()).isFalse();
        assertThat(sources.resolve(dep("x")).candidates()).isEmpty();
    }

    @Test
    void poetrySourceConstraintBindsWhateverThePriorityAndCaseOfTheName() {
        PoetrySources sources = new PoetrySources(List.of(
                poetry("Corp", "https://corp/simple", PoetrySources.Priority.SUPPLEMENTAL)),
                Map.of("corp-lib", new PoetrySources.Binding("corp", AT)));
        Resolution r = sources.resolve(dep("Corp_Lib"));
        assertThat(r.mode()).isEqualTo(Resolution.Mode.BOUND);
        assertThat(urls(r)).containsExactly("https://corp/simple");
    }

    private static UvIndexes.Index uv(String name, String url, boolean explicit, boolean isDefault, List<Long> codes) {
        return new UvIndexes.Index(Optional.ofNullable(name), url, UvIndexes.Origin.INDEX, explicit, isDefault, false,
                codes, AT, Optional.empty());
    }

    @Test
    void uvFirstIndexStopsAtTheFirstIndexUnlessItPassesAuthFailuresOn() {
        UvIndexes safe = new UvIndexes("uv", List.of(uv("corp", "https://corp/simple", false, false, List.of())),
                Optional.empty(), Optional.empty(), Map.of(), List.of());
        Resolution r = safe.resolve(dep("x"));
        assertThat(urls(r)).containsExactly("https://corp/simple", PublicIndexes.PYPI);
        assertThat(r.consulted()).extracting(Candidate::url).containsExactly("https://corp/simple");

        UvIndexes leaky = new UvIndexes("uv", List.of(uv("corp", "https://corp/simple", false, false, List.of(401L))),
                Optional.empty(), Optional.empty(), Map.of(), List.of());
        assertThat(leaky.resolve(dep("x")).consulted()).extracting(Candidate::url)
                .containsExactly("https://corp/simple", PublicIndexes.PYPI);
    }

    @Test
    void uvExplicitDefaultRemovesPypiAndServesOnlyPins() {
        UvIndexes config = new UvIndexes("uv", List.of(uv("corp", "https://corp/simple", true, true, List.of())),
                Optional.empty(), Optional.empty(),
                Map.of("corp-lib", List.of(new UvIndexes.Pin("corp", AT))), List.of());
        assertThat(config.resolve(dep("numpy")).candidates()).isEmpty();
        assertThat(urls(config.resolve(dep("corp-lib")))).containsExactly("https://corp/simple");
    }

    @Test
    void uvUnsafeStrategiesSearchEveryIndex() {
        UvIndexes config = new UvIndexes("uv", List.of(uv("corp", "https://corp/simple", false, false, List.of())),
                Optional.of(new UvIndexes.Strategy(UvIndexes.StrategyKind.UNSAFE_FIRST_MATCH, AT)), Optional.empty(),
                Map.of(), List.of());
        Resolution r = config.resolve(dep("x"));
        assertThat(r.mode()).isEqualTo(Resolution.Mode.FIRST_MATCH);
        assertThat(r.consulted()).hasSize(2);
        assertThat(config.indexSettings()).extracting(IndexSetting::role).containsExactly(IndexSetting.Role.EXTRA);
    }

    private static PdmSources.Source pdm(String name, String url, List<String> include, List<String> exclude) {
        return new PdmSources.Source(name, url, true, false, include, exclude, AT);
    }

    @Test
    void pdmIncludeIsExclusiveForMatchingNamesAndExcludeRemovesASource() {
        PdmSources sources = new PdmSources(List.of(
                pdm("private", "https://corp/simple", List.of("corp-*", "Acme_Tools"), List.of()),
                pdm("other", "https://other/simple", List.of(), List.of("numpy"))), Optional.empty());
        assertThat(urls(sources.resolve(dep("corp.auth")))).containsExactly("https://corp/simple");
        assertThat(urls(sources.resolve(dep("acme-tools")))).containsExactly("https://corp/simple");
        assertThat(urls(sources.resolve(dep("numpy")))).containsExactly(PublicIndexes.PYPI, "https://corp/simple");
        assertThat(urls(sources.resolve(dep("pandas"))))
                .containsExactly(PublicIndexes.PYPI, "https://corp/simple", "https://other/simple");
    }

    @Test
    void pdmSourceNamedPypiReplacesPypiInPlace() {
        PdmSources sources = new PdmSources(List.of(pdm("private", "https://corp/simple", List.of(), List.of()),
                pdm("pypi", "https://mirror/simple", List.of(), List.of())), Optional.of(AT));
        Resolution r = sources.resolve(dep("x"));
        assertThat(r.mode()).isEqualTo(Resolution.Mode.FIRST_INDEX);
        assertThat(urls(r)).containsExactly("https://corp/simple", "https://mirror/simple");
        assertThat(r.consulted()).extracting(Candidate::url).containsExactly("https://corp/simple");
    }

    @Test
    void pipenvResolvesFromTheNamedIndexByNameOrUrlElseTheFirstSource() {
        PipfileSources sources = new PipfileSources(List.of(
                new PipfileSources.Source("pypi", "https://pypi.org/simple", true, AT),
                new PipfileSources.Source("corp", "https://corp/simple/", true, AT)), Optional.empty());
        assertThat(urls(sources.resolve(dep("x")))).containsExactly("https://pypi.org/simple");
        assertThat(urls(sources.resolve(dep("x").withIndex("corp")))).containsExactly("https://corp/simple/");
        assertThat(urls(sources.resolve(dep("x").withIndex("https://CORP/simple")))).containsExactly("https://corp/simple/");
    }

    @Test
    void pipMergesPrimaryExtrasAndFindLinksAndNoIndexKeepsOnlyFindLinks() {
        PipIndexes pip = new PipIndexes(List.of(IndexSetting.of(IndexSetting.Role.EXTRA, "https://corp/simple", AT)),
                List.of(IndexSetting.of(IndexSetting.Role.PRIMARY, "https://proxy/simple", AT),
                        IndexSetting.of(IndexSetting.Role.FIND_LINKS, "https://wheels/", AT)));
        assertThat(urls(pip.resolve(dep("x"))))
                .containsExactly("https://proxy/simple", "https://corp/simple", "https://wheels/");
        PipIndexes offline = new PipIndexes(List.of(IndexSetting.of(IndexSetting.Role.NO_INDEX, "", AT),
                IndexSetting.of(IndexSetting.Role.FIND_LINKS, "./wheels", AT)), List.of());
        assertThat(urls(offline.resolve(dep("x")))).containsExactly("./wheels");
        assertThat(new PipIndexes(List.of(IndexSetting.of(IndexSetting.Role.TRUSTED_HOST, "h", AT)), List.of())
                .configuresIndexes()).isFalse();
    }

    @Test
    void publicIndexesFollowTheConfigurationWhenItNamesInternalIndexes() {
        InternalScope none = InternalScope.none();
        assertThat(PublicIndexes.isPublic("https://files.pythonhosted.org/packages/x.whl", none)).isTrue();
        assertThat(PublicIndexes.isPublic("https://user:pw@PyPI.org/simple", none)).isTrue();
        assertThat(PublicIndexes.isPublic("https://nexus.corp/simple", none)).isFalse();
        assertThat(PublicIndexes.isPrivate("https://nexus.corp/simple", none)).isTrue();
        assertThat(PublicIndexes.isPublic("https://${HOST}/simple", none)).isFalse();
        assertThat(PublicIndexes.isPrivate("https://${HOST}/simple", none)).isFalse();
        InternalScope scope = new InternalScope(List.of(), List.of("https://nexus.corp/simple/"));
        assertThat(PublicIndexes.isPublic("https://nexus.corp/simple", scope)).isFalse();
        assertThat(PublicIndexes.isPublic("https://vendor.example/simple", scope)).isTrue();
        assertThat(PublicIndexes.isPrivate("https://vendor.example/simple", scope)).isFalse();
    }
}
