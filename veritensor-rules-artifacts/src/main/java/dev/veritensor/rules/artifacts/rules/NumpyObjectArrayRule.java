package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.NumpyArrayDocument;

/**
 * Reports NumPy arrays whose dtype holds Python objects: their data is a pickle, and
 * {@code numpy.load} unpickles it when called with {@code allow_pickle=True}.
 */
public final class NumpyObjectArrayRule implements Rule<NumpyArrayDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/numpy-object-array")
            .title("NumPy array holds pickled Python objects")
            .severity(Severity.MEDIUM)
            .description("The array's dtype holds Python objects, so numpy.save stored its data as a pickle. Loading"
                    + " it requires numpy.load(..., allow_pickle=True), which unpickles the data and can run code.")
            .remediation("Store numeric data in plain dtypes, or strings as fixed-width unicode; load untrusted"
                    + " arrays with allow_pickle=False.")
            .tags("security", "ml-artifact", "numpy", "CWE-502")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<NumpyArrayDocument> documentType() {
        return NumpyArrayDocument.class;
    }

    @Override
    public void check(NumpyArrayDocument document, RuleContext context) {
        if (document.holdsObjects()) {
            context.report(Location.ofFile(document.source().path()), "array"
                    + document.member().map(m -> " " + m).orElse("") + " has dtype " + document.descr()
                    + ", whose data (from byte " + document.dataOffset() + ") is a pickle that"
                    + " numpy.load(allow_pickle=True) runs");
        }
    }
}
