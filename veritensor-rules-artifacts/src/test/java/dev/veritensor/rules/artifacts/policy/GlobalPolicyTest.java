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
        "__torch__.torch.nn.modules.linear.___torch_mangle_3, Linear, SAFE",
        "__torch__, MLP, SAFE",
        "__torch__.os, system, DANGEROUS",
        "__torch__, __builtins__.eval, DANGEROUS",
        "torch.jit._pickle, build_intlist, SAFE",
        "torch.jit._pickle, build_intlist.__globals__, DANGEROUS",
        "torch.jit, _pickle.build_intlist, DANGEROUS",
        "dill._dill, _create_array, SAFE",
        "dill._dill, _create_function, DANGEROUS",
        "numpy.random.bit_generator, SeedSequence, SAFE",
        "builtins, map, DANGEROUS",
        "__builtin__, reduce, DANGEROUS",
        "typing, ForwardRef._evaluate, DANGEROUS",
        "pathlib, Path.touch, UNKNOWN",
        "pandas, DataFrame, SAFE",
        "pandas, read_pickle, DANGEROUS",
        "scipy.sparse._csr, csr_matrix, SAFE",
        "re, _compile, SAFE",
        "re, compile, UNKNOWN",
        "site, addsitedir, DANGEROUS",
        "six.moves, getoutput, DANGEROUS",
        "six.moves.builtins, eval, DANGEROUS",
        "botocore.vendored.six.moves.builtins, exec, DANGEROUS",
        "execnet, makegateway, DANGEROUS",
    })
    void judges(String module, String name, GlobalPolicy.Level level) {
        assertThat(policy.judge(new GlobalRef(module, name)).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "pathlib, Path.touch, true",
        "builtins, str.join, true",
        "pipes, Template._private, true",
        "mylib, Outer.Inner, false",
        "pathlib, PosixPath, false",
        "torch._utils, _rebuild_tensor_v2, false",
        "mylib, trailing., false",
    })
    void recognisesAttributesReachedThroughAnotherObject(String module, String name, boolean attribute) {
        assertThat(GlobalPolicy.isAttributeReference(new GlobalRef(module, name))).isEqualTo(attribute);
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
