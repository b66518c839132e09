package dev.veritensor.rules.pip.python;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PyCapabilitiesTest {

    private static Optional<PyCapability> of(PyReference.Kind kind, String name) {
        return PyCapabilities.of(new PyReference(kind, name, true, name, dev.veritensor.api.Location.ofFile("x"), List.of()));
    }

    @Test
    void callsAndReadsAreClassifiedBySegment() {
        assertThat(of(PyReference.Kind.CALL, "os.system")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.CALL, "os.execvp")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.CALL, "os.systemx")).isEmpty();
        assertThat(of(PyReference.Kind.CALL, "os.path.join")).isEmpty();
        assertThat(of(PyReference.Kind.CALL, "subprocess.Popen().communicate")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.CALL, "socket.socket().connect")).contains(PyCapability.NETWORK);
        assertThat(of(PyReference.Kind.CALL, "urllib.parse.urlencode")).isEmpty();
        assertThat(of(PyReference.Kind.CALL, "urllib.request.urlopen")).contains(PyCapability.NETWORK);
        assertThat(of(PyReference.Kind.CALL, "base64.b64decode")).contains(PyCapability.PAYLOAD_DECODING);
        assertThat(of(PyReference.Kind.CALL, "base64.urlsafe_b64decode")).contains(PyCapability.PAYLOAD_DECODING);
        assertThat(of(PyReference.Kind.CALL, "base64.b64encode")).isEmpty();
        assertThat(of(PyReference.Kind.CALL, "codecs.open")).isEmpty();
        assertThat(of(PyReference.Kind.CALL, "codecs.decode")).contains(PyCapability.PAYLOAD_DECODING);
        assertThat(of(PyReference.Kind.CALL, "builtins.exec")).contains(PyCapability.CODE_EXECUTION);
        assertThat(of(PyReference.Kind.CALL, "builtins.__import__")).contains(PyCapability.CODE_EXECUTION);
        assertThat(of(PyReference.Kind.READ, "os.environ")).contains(PyCapability.ENVIRONMENT);
        assertThat(of(PyReference.Kind.CALL, "os.environ.get")).contains(PyCapability.ENVIRONMENT);
        assertThat(of(PyReference.Kind.READ, "subprocess.PIPE")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.CALL, "ctypes.CDLL")).contains(PyCapability.CODE_EXECUTION);
        assertThat(of(PyReference.Kind.CALL, "ctypes.util.find_library")).isEmpty();
        assertThat(of(PyReference.Kind.IMPORT, "ctypes")).contains(PyCapability.CODE_EXECUTION);
    }

    @Test
    void importsCountForWholeModulesOnlyWhereTheModuleIsTheCapability() {
        assertThat(of(PyReference.Kind.IMPORT, "base64")).contains(PyCapability.PAYLOAD_DECODING);
        assertThat(of(PyReference.Kind.IMPORT, "codecs")).contains(PyCapability.PAYLOAD_DECODING);
        assertThat(of(PyReference.Kind.IMPORT, "subprocess")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.IMPORT, "urllib.request")).contains(PyCapability.NETWORK);
        assertThat(of(PyReference.Kind.IMPORT, "os")).isEmpty();
        assertThat(of(PyReference.Kind.IMPORT, "os.system")).contains(PyCapability.PROCESS);
        assertThat(of(PyReference.Kind.IMPORT, "coverage")).isEmpty();
        assertThat(of(PyReference.Kind.IMPORT, "urllib")).isEmpty();
        assertThat(of(PyReference.Kind.READ, "base64")).isEmpty();
    }
}
