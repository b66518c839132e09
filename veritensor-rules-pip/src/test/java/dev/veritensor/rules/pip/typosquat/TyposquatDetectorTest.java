package dev.veritensor.rules.pip.typosquat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bundled detector reports, technique by technique, and what it leaves alone. */
class TyposquatDetectorTest {

    private static final TyposquatDetector DETECTOR = TyposquatDetector.bundled();

    @ParameterizedTest(name = "{0} imitates {1} ({2})")
    @CsvSource({
            "reqeusts, requests, SWAPPED_LETTERS",
            "scikitlearn, scikit-learn, SEPARATOR",
            "setup-tools, setuptools, SEPARATOR",
            "learn-scikit, scikit-learn, WORD_ORDER",
            "rnatplotlib, matplotlib, LOOKALIKE_CHARACTERS",
            "requ3sts, requests, LOOKALIKE_CHARACTERS",
            "b0to3, boto3, LOOKALIKE_CHARACTERS",
            "nunpy, numpy, NEIGHBOURING_KEY",
            "colorana, colorama, NEIGHBOURING_KEY",
            "reqxests, requests, CHANGED_LETTER",
            "numpyy, numpy, DOUBLED_LETTER",
            "urlib3, urllib3, SINGLED_LETTER",
            "pandaas, pandas, DOUBLED_LETTER",
            "requesuts, requests, ADDED_LETTER",
            "tensorfow, tensorflow, DROPPED_LETTER",
            "request, requests, SINGULAR",
            "huggingface-hubs, huggingface-hub, PLURAL",
            "colouramas, colorama, LETTERS_ADDED",
            "botoceor, botocore, LETTERS_REARRANGED",
            "matlibplot, matplotlib, LETTERS_REARRANGED",
            "requesgt, requests, ENDING_CHANGED",
            "typing-extensioxx, typing-extensions, ENDING_CHANGED",
            "pandas-py, pandas, PYTHON_AFFIX",
            "python-flask, flask, PYTHON_AFFIX",
            "py-requests, requests, PYTHON_AFFIX",
            "numpy2, numpy, VERSION_DIGITS",
            "urllib, urllib3, VERSION_DIGITS",
            "jeIlyfish, jellyfish, LOOKALIKE_CHARACTERS",
            "tiktokn, tiktoken, DROPPED_LETTER",
            // a dropped first letter of a long name
            "ransformers, transformers, DROPPED_LETTER",
            // any single edit of a long name, whatever its rank (customtkinter ranks beyond 1,000)
            "customtqinter, customtkinter, CHANGED_LETTER",
            "customtkinnter, customtkinter, DOUBLED_LETTER",
            // two edits inside a long name (not confined to its ending)
            "tramsfprmers, transformers, LETTERS_CHANGED",
            "sentense-transformrs, sentence-transformers, LETTERS_CHANGED",
            // the name users type for torch is protected too
            "pytroch, pytorch, SWAPPED_LETTERS",
    })
    void reportsTargetAndTechnique(String name, String target, Technique technique) {
        assertThat(DETECTOR.check(name)).contains(new SquatMatch(target, technique));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // popular names in any PEP 503 spelling
            "requests", "Requests", "python_dateutil", "Python.Dateutil", "scikit_learn", "torch", "nvidia-cudnn-cu12",
            // established extensions and honest neighbours of popular names
            "requests-oauthlib", "types-requests", "pytest-cov", "scanpy", "cwcwidth", "pytest-lazy-fixture",
            "types-boto3-sns", "crispy-bootstrap4", "elasticsearch7", "pyside2", "whisper",
            // two edits confined to the ending of a long name: a sibling, not a squat
            "streamlink", "python-doctr", "jupyterhub",
            // a sibling plugin: only the short last part of a multi-part name differs
            "pytest-cpp",
            // short names are not judged by edit distance
            "six", "sixx", "attr", "rsa", "jaxx", "tqdn",
            // nothing alike
            "acme-internal-tools", "zzzzzzzzzz"})
    void leavesLegitimateNamesAlone(String name) {
        assertThat(DETECTOR.check(name)).isEmpty();
    }

    @Test
    void everyBundledPopularAndCuratedNameIsNeverASquat() {
        for (String name : ReferenceData.popularByDownloads()) {
            assertThat(DETECTOR.check(name)).as(name).isEmpty();
        }
        for (String name : ReferenceData.curated()) {
            assertThat(DETECTOR.check(name)).as(name).isEmpty();
        }
    }

    @Test
    void extraProtectedNamesBecomeTargetsAndAreNeverSquatsThemselves() {
        TyposquatDetector detector = TyposquatDetector.bundledWith(List.of("acme-ml-toolkit"));
        assertThat(detector.check("acme-ml-tolkit")).contains(new SquatMatch("acme-ml-toolkit", Technique.SINGLED_LETTER));
        assertThat(detector.check("acme-ml-toolkit")).isEmpty();
        assertThat(DETECTOR.check("acme-ml-tolkit")).isEmpty();
    }

    @Test
    void theMostPopularTargetWins() {
        assertThat(TyposquatDetector.build(List.of("alphabeta", "alphabetb"), List.of()).check("alphabetc"))
                .contains(new SquatMatch("alphabeta", Technique.CHANGED_LETTER));
        assertThat(TyposquatDetector.build(List.of("alphabetb", "alphabeta"), List.of()).check("alphabetc"))
                .contains(new SquatMatch("alphabetb", Technique.CHANGED_LETTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "---", "\u0000\u0001", "ÿÿÿÿÿÿÿÿ", "名前名前名前"})
    void oddNamesAreHandled(String name) {
        assertThat(DETECTOR.check(name)).isEmpty();
    }

    @Test
    void hugeNamesAreCheckedQuickly() {
        String huge = "requests".repeat(20_000);
        assertThat(DETECTOR.check(huge)).isEmpty();
        assertThat(DETECTOR.check("a".repeat(200))).isEmpty();
    }
}
