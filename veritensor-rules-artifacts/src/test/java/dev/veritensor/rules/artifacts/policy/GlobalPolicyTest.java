package dev.veritensor.rules.artifacts.policy;

import dev.veritensor.rules.artifacts.pickle.GlobalRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalPolicyTest {

    private final GlobalPolicy policy = GlobalPolicy.standard();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "torch._utils, _rebuild_tensor_v2, SAFE",
        "torch, _utils._rebuild_tensor_v2, UNKNOWN",
        "collections, OrderedDict, SAFE",
        "_codecs, encode, SAFE",
        "copy_reg, _reconstructor, SAFE",
        "__builtin__, set, SAFE",
        "__builtin__, unicode, SAFE",
        "__builtin__, eval, DANGEROUS",
        "__builtins__, exec, DANGEROUS",
        "posix, system, DANGEROUS",
        "nt, system, DANGEROUS",
        "posixpath, os.system, DANGEROUS",
        "_operator, attrgetter, DANGEROUS",
        "builtins, getattr, DANGEROUS",
        "builtins, print.__class__.__base__.__subclasses__, DANGEROUS",
        "numpy, __builtins__, DANGEROUS",
        "asyncio.unix_events, _UnixSubprocessTransport, DANGEROUS",
        "pip, main, DANGEROUS",
        "torch.utils.collect_env, run, DANGEROUS",
        "numpy.testing._private.utils, runstring, DANGEROUS",
        "__main__, Net, UNKNOWN",
        "zlib, decompress, UNKNOWN",
        "numpy, prod, UNKNOWN",
        "sklearn.pipeline, Pipeline, UNKNOWN",
        "pandas.io.parsers.readers, read_csv, DANGEROUS",
        "pandas.core.frame, DataFrame, SAFE",
    })
    void judges(String module, String name, GlobalPolicy.Level level) {
        assertThat(policy.judge(new GlobalRef(module, name)).level()).isEqualTo(level);
    }

    @Test
    void namesTheNormalisedGlobalAndWhatItDoes() {
        GlobalPolicy.Verdict v = policy.judge(new GlobalRef("posix", "system"));
        assertThat(v.normalized()).isEqualTo("os.system");
        assertThat(v.reason()).startsWith("os runs processes");
    }

    @Test
    void extraAllowedPairsAreExact() {
        GlobalPolicy more = policy.withAllowed(List.of("sklearn.pipeline:Pipeline", "no-colon"));
        assertThat(more.judge(new GlobalRef("sklearn.pipeline", "Pipeline")).level()).isEqualTo(GlobalPolicy.Level.SAFE);
        assertThat(more.judge(new GlobalRef("sklearn.pipeline", "Pipeline.__init__")).level())
                .isEqualTo(GlobalPolicy.Level.DANGEROUS);
        assertThat(more.judge(new GlobalRef("sklearn", "pipeline.Pipeline")).level()).isEqualTo(GlobalPolicy.Level.UNKNOWN);
    }
}
