package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.model.SafetensorsDocument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reports safetensors headers that the format forbids: a declared length beyond the limit or the
 * file, a header that is no tensor table, tensors whose data offsets are reversed, overlap, leave
 * gaps, run past the data or disagree with dtype and shape, and unknown dtypes. Readers that do not
 * validate (or validate differently) read other bytes than the writer meant.
 */
public final class UnsafeSafetensorsHeaderRule implements Rule<SafetensorsDocument> {

    private static final int SHOWN = 5;
    private static final Map<String, Integer> DTYPE_BITS = Map.ofEntries(
            Map.entry("BOOL", 8), Map.entry("U8", 8), Map.entry("I8", 8), Map.entry("F8_E4M3", 8),
            Map.entry("F8_E5M2", 8), Map.entry("F8_E8M0", 8), Map.entry("I16", 16), Map.entry("U16", 16),
            Map.entry("F16", 16), Map.entry("BF16", 16), Map.entry("I32", 32), Map.entry("U32", 32),
            Map.entry("F32", 32), Map.entry("I64", 64), Map.entry("U64", 64), Map.entry("F64", 64),
            Map.entry("C64", 64), Map.entry("F4", 4), Map.entry("F6_E2M3", 6), Map.entry("F6_E3M2", 6));

    private static final RuleInfo INFO = RuleInfo.builder("artifact/unsafe-safetensors-header")
            .title("Safetensors header is inconsistent or oversized")
            .severity(Severity.HIGH)
            .description("The safetensors header breaks the format's rules: its length exceeds the 100 MB limit or"
                    + " the file, it is no valid tensor table, or tensor data offsets are reversed, overlap, leave"
                    + " gaps, run past the data or disagree with the dtype and shape. Such headers exhaust memory or"
                    + " make different readers load different weights.")
            .remediation("Regenerate the file with the safetensors library and verify it against its published hash;"
                    + " do not load it with readers that skip validation.")
            .tags("security", "ml-artifact", "safetensors", "CWE-20", "CWE-345")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<SafetensorsDocument> documentType() {
        return SafetensorsDocument.class;
    }

    @Override
    public void check(SafetensorsDocument document, RuleContext context) {
        List<String> problems = new ArrayList<>();
        document.headerProblem().ifPresent(problems::add);
        long dataLength = document.dataLength();
        List<SafetensorsDocument.Tensor> sorted = new ArrayList<>(document.tensors());
        sorted.sort(Comparator.comparingLong(SafetensorsDocument.Tensor::begin)
                .thenComparingLong(SafetensorsDocument.Tensor::end));
        long expected = 0;
        for (SafetensorsDocument.Tensor t : sorted) {
            String name = "tensor '" + t.name() + "'";
            if (t.begin() > t.end()) {
                problems.add(name + " has data_offsets [" + t.begin() + ", " + t.end() + "] in reverse");
                continue;
            }
            if (t.end() > dataLength) {
                problems.add(name + " ends at " + t.end() + ", past the " + dataLength + " bytes of data");
            }
            if (t.begin() < expected) {
                problems.add(name + " overlaps the tensor before it (starts at " + t.begin() + ", before " + expected + ")");
            } else if (t.begin() > expected) {
                problems.add(name + " leaves " + (t.begin() - expected) + " unreferenced bytes before it");
            }
            expected = Math.max(expected, t.end());
            Integer bits = DTYPE_BITS.get(t.dtype());
            if (bits == null) {
                problems.add(name + " has unknown dtype " + t.dtype());
            } else {
                Long count = elements(t);
                if (count == null || Math.multiplyHigh(count, bits) != 0
                        || (count * bits + 7) / 8 != t.end() - t.begin()) {
                    problems.add(name + " spans " + (t.end() - t.begin()) + " bytes, which its dtype " + t.dtype()
                            + " and shape " + t.shape() + " do not give");
                }
            }
        }
        if (document.headerProblem().isEmpty() && expected < dataLength && expected >= 0) {
            problems.add((dataLength - expected) + " bytes after the last tensor belong to no tensor");
        }
        if (!problems.isEmpty()) {
            String shown = String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())));
            context.report(Location.ofFile(document.source().path()), "safetensors header of "
                    + document.headerLength() + " bytes: " + shown
                    + (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : ""));
        }
    }

    private static Long elements(SafetensorsDocument.Tensor t) {
        long n = 1;
        for (long d : t.shape()) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return n;
    }
}
