package dev.veritensor.rules.pip.confusion;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.Redaction;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.typosquat.ReferenceData;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The project's own packages. Configured ones match the {@code [internal] packages} patterns.
 * When no pattern is configured, a package is internal when a lockfile of the scan resolved it
 * from a private index: one of the configured {@code [internal] indexes}, or, without those, any
 * http(s) index that {@link PublicIndexes} does not know as public. An index from which a lockfile
 * resolved a well-known public package (one of the most downloaded PyPI projects or the curated ML
 * list) is a proxy or mirror of PyPI, not a source of internal names, and is not used for this
 * inference: behind a single proxy every package would otherwise look internal.
 */
public final class InternalPackages {

    private final InternalScope scope;
    private final Map<String, String> locked;

    private InternalPackages(InternalScope scope, Map<String, String> locked) {
        this.scope = scope;
        this.locked = locked;
    }

    /** Computed once per scan: rules ask for every document. */
    private static final Map<ProjectView, InternalPackages> PER_SCAN = Collections.synchronizedMap(new WeakHashMap<>());

    /** The internal packages of {@code project}. */
    public static InternalPackages of(ProjectView project) {
        return PER_SCAN.computeIfAbsent(project, InternalPackages::compute);
    }

    private static InternalPackages compute(ProjectView project) {
        InternalScope scope = project.internal();
        Map<String, String> locked = new LinkedHashMap<>();
        if (scope.packages().isEmpty()) {
            for (LockfileDocument lock : project.documents(LockfileDocument.class)) {
                Set<String> proxies = new HashSet<>();
                for (LockedPackage p : lock.packages()) {
                    if (privateIndex(p, scope) && PublicNames.SET.contains(p.normalizedName())) {
                        proxies.add(InternalScope.canonicalUrl(p.index().get()));
                    }
                }
                for (LockedPackage p : lock.packages()) {
                    if (privateIndex(p, scope) && !proxies.contains(InternalScope.canonicalUrl(p.index().get()))) {
                        locked.putIfAbsent(p.normalizedName(), "locked from the private index " + Redaction.mask(p.index().get())
                                + " in " + lock.source().path());
                    }
                }
            }
        }
        return new InternalPackages(scope, locked);
    }

    private static boolean privateIndex(LockedPackage p, InternalScope scope) {
        return p.kind() == Dependency.Kind.REGISTRY && p.index().filter(i -> PublicIndexes.isPrivate(i, scope))
                .isPresent();
    }

    /** Well-known public package names, loaded on first use. */
    private static final class PublicNames {
        static final Set<String> SET = load();

        private static Set<String> load() {
            Set<String> names = new HashSet<>(ReferenceData.popularByDownloads());
            names.addAll(ReferenceData.curated());
            return Set.copyOf(names);
        }
    }

    /** Whether no package is internal. */
    public boolean isEmpty() {
        return scope.packages().isEmpty() && locked.isEmpty();
    }

    /** Why {@code name} (any spelling) is internal, for messages; empty when it is not. */
    public Optional<String> reason(String name) {
        String n = Dependency.normalize(name);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (scope.isInternalPackage(n)) {
            return Optional.of("an internal package ([internal] packages)");
        }
        return Optional.ofNullable(locked.get(n)).map(r -> "an internal package (" + r + ")");
    }

    /** The scope the configuration gives. */
    public InternalScope scope() {
        return scope;
    }
}
