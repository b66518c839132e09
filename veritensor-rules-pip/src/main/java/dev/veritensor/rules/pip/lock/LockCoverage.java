package dev.veritensor.rules.pip.lock;

import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;

import java.util.Set;

/** Which declared dependencies of a manifest beside it a lockfile is meant to contain. */
@FunctionalInterface
interface LockCoverage {

    /** Whether the lockfile should contain {@code declared}. */
    boolean covers(ManifestDependency declared);

    /** Every dependency of the given sections. */
    static LockCoverage sections(Set<Section.Kind> kinds) {
        return d -> kinds.contains(d.section().kind());
    }

    /**
     * Dependencies of locked groups: {@code [project] dependencies} when {@code defaultGroup} is
     * locked, and extras and groups of the given kinds whose name is locked.
     */
    static LockCoverage groups(Set<String> locked, String defaultGroup, Set<Section.Kind> groupKinds) {
        return d -> d.section().kind() == Section.Kind.PROJECT
                ? locked.contains(defaultGroup)
                : groupKinds.contains(d.section().kind()) && locked.contains(d.section().group());
    }

    /** This coverage, without dependencies that carry an environment marker. */
    default LockCoverage unlessMarked() {
        return d -> d.dependency().markers().isEmpty() && covers(d);
    }
}
