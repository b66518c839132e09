package dev.veritensor.rules.pip.typosquat;

import java.util.List;
import java.util.Map;

/**
 * The reference data bundled with Veritensor, read once on first use: the most downloaded PyPI
 * projects in download order, the curated ML/AI/data/MLOps list and the names publicly reported
 * as malicious. Each resource records its source and date in its header.
 */
public final class ReferenceData {

    /** Class-path resource of the download-ranked popular list (beside this class). */
    public static final String POPULAR_RESOURCE = "popular-pypi.txt";
    /** Class-path resource of the curated ML list. */
    public static final String CURATED_RESOURCE = "curated-ml.txt";
    /** Class-path resource of the known-malicious names. */
    public static final String MALICIOUS_RESOURCE = "known-malicious-pypi.txt";

    private ReferenceData() {
    }

    private static final class Loaded {
        static final List<String> POPULAR = NameList.read(POPULAR_RESOURCE).names();
        static final List<String> CURATED = NameList.read(CURATED_RESOURCE).names();
        static final Map<String, String> MALICIOUS = NameList.read(MALICIOUS_RESOURCE).sourceByName();
    }

    /** The most downloaded PyPI projects, most downloaded first, PEP 503 normalized. */
    public static List<String> popularByDownloads() {
        return Loaded.POPULAR;
    }

    /** The curated ML/AI/data/MLOps names, PEP 503 normalized. */
    public static List<String> curated() {
        return Loaded.CURATED;
    }

    /** Names publicly reported as malicious on PyPI, normalized, each mapped to the source of its batch. */
    public static Map<String, String> knownMalicious() {
        return Loaded.MALICIOUS;
    }
}
