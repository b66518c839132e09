package dev.veritensor.rules.pip.python;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies references by the {@link PyCapability} of the API they name, from fixed lists of
 * standard-library and common third-party names. A pattern {@code a.b} covers {@code a.b} and
 * everything below it ({@code a.b.c}, {@code a.b().c}); a trailing {@code *} matches a prefix of
 * the last segment ({@code os.exec*} covers {@code os.execv}). Calls of {@code __import__} and
 * {@code importlib.import_module} are dynamic code execution: the reader turns those with a literal
 * module name into imports.
 */
public final class PyCapabilities {

    /** APIs whose use (call or read) has the capability. */
    private static final Map<PyCapability, List<NamePattern>> API = compile(Map.of(
            PyCapability.CODE_EXECUTION, List.of("builtins.exec", "builtins.eval", "builtins.compile",
                    "builtins.execfile", "runpy", "code.interact", "code.InteractiveInterpreter",
                    "code.InteractiveConsole", "code.compile_command", "ctypes.CDLL", "ctypes.cdll", "ctypes.WinDLL",
                    "ctypes.windll", "ctypes.OleDLL", "ctypes.oledll", "ctypes.PyDLL", "ctypes.pydll",
                    "ctypes.pythonapi", "ctypes.CFUNCTYPE", "ctypes.WINFUNCTYPE", "ctypes.memmove", "_ctypes",
                    "types.FunctionType",
                    "types.CodeType", "importlib.util.exec_module", "zipimport"),
            PyCapability.PAYLOAD_DECODING, List.of("base64.*decode*", "base64.decodestring", "binascii.a2b_*",
                    "binascii.unhexlify", "codecs.decode", "codecs.getdecoder", "codecs.escape_decode",
                    "codecs.iterdecode", "zlib.decompress*", "gzip.decompress", "bz2.decompress", "lzma.decompress",
                    "marshal.load*", "pickle.load*", "cPickle.load*", "_pickle.load*", "dill.load*",
                    "builtins.bytes.fromhex", "builtins.bytearray.fromhex", "cryptography.fernet", "fernet", "Crypto.Cipher",
                    "Cryptodome.Cipher", "pyaes"),
            PyCapability.PROCESS, List.of("subprocess", "_posixsubprocess", "os.system", "os.popen*", "os.spawn*",
                    "os.exec*", "os.posix_spawn*", "os.fork", "os.forkpty", "os.startfile", "pty", "commands",
                    "popen2", "platform.popen", "asyncio.create_subprocess_*", "asyncio.subprocess"),
            PyCapability.NETWORK, List.of("socket", "_socket", "ssl.wrap_socket", "ssl.create_connection",
                    "urllib.request", "urllib.urlopen", "urllib.urlretrieve", "urllib.URLopener",
                    "urllib.FancyURLopener", "urllib2", "http.client", "httplib", "requests", "httpx", "urllib3",
                    "aiohttp", "ftplib", "smtplib", "telnetlib", "poplib", "imaplib", "nntplib", "xmlrpc.client",
                    "xmlrpclib", "websocket", "websockets", "paramiko", "pycurl", "asyncio.open_connection",
                    "pip._vendor.requests", "pip._vendor.urllib3", "webbrowser.open*"),
            PyCapability.ENVIRONMENT, List.of("os.environ", "os.environb", "os.getenv", "os.getenvb")));

    /** Modules whose mere import, in code as small as a {@code .pth} line, shows the capability. */
    private static final Map<PyCapability, List<NamePattern>> MODULES = compile(Map.of(
            PyCapability.CODE_EXECUTION, List.of("runpy", "code", "ctypes", "_ctypes", "zipimport"),
            PyCapability.PAYLOAD_DECODING, List.of("base64", "binascii", "codecs", "zlib", "gzip", "bz2", "lzma",
                    "marshal", "pickle", "cPickle", "_pickle", "dill", "fernet"),
            PyCapability.PROCESS, List.of("subprocess", "_posixsubprocess", "pty", "commands", "popen2"),
            PyCapability.NETWORK, List.of("socket", "_socket", "urllib.request", "urllib2", "http.client",
                    "httplib", "requests", "httpx", "urllib3", "aiohttp", "ftplib", "smtplib", "telnetlib", "poplib",
                    "imaplib", "nntplib", "xmlrpc.client", "xmlrpclib", "websocket", "websockets", "paramiko",
                    "pycurl")));

    private static final List<PyCapability> ORDER = List.of(PyCapability.CODE_EXECUTION,
            PyCapability.PAYLOAD_DECODING, PyCapability.PROCESS, PyCapability.NETWORK, PyCapability.ENVIRONMENT);

    private PyCapabilities() {
    }

    /** The capability of what {@code reference} names, if it has one. */
    public static Optional<PyCapability> of(PyReference reference) {
        String name = reference.name();
        if (reference.kind() == PyReference.Kind.CALL && (name.equals("builtins.__import__")
                || name.equals("importlib.import_module") || name.equals("importlib.__import__"))) {
            return Optional.of(PyCapability.CODE_EXECUTION); // an import by literal name is an IMPORT reference
        }
        for (PyCapability c : ORDER) {
            if (matchesAny(name, API.getOrDefault(c, List.of()))) {
                return Optional.of(c);
            }
            if (reference.kind() == PyReference.Kind.IMPORT && matchesAny(name, MODULES.getOrDefault(c, List.of()))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean matchesAny(String name, List<NamePattern> patterns) {
        for (NamePattern p : patterns) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<PyCapability, List<NamePattern>> compile(Map<PyCapability, List<String>> lists) {
        Map<PyCapability, List<NamePattern>> out = new EnumMap<>(PyCapability.class);
        lists.forEach((c, l) -> out.put(c, l.stream().map(NamePattern::of).toList()));
        return out;
    }

    /** A compiled pattern: a dotted prefix, and a glob over the last segment when the pattern has {@code *}. */
    private record NamePattern(String prefix, Optional<Pattern> lastSegment) {

        static NamePattern of(String pattern) {
            int star = pattern.indexOf('*');
            if (star < 0) {
                return new NamePattern(pattern, Optional.empty());
            }
            int dot = pattern.lastIndexOf('.');
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.substring(dot + 1).toCharArray()) {
                regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
            }
            return new NamePattern(pattern.substring(0, dot + 1), Optional.of(Pattern.compile(regex.toString())));
        }

        boolean matches(String name) {
            if (lastSegment.isEmpty()) {
                return name.equals(prefix) || name.startsWith(prefix) && name.length() > prefix.length()
                        && (name.charAt(prefix.length()) == '.' || name.charAt(prefix.length()) == '(');
            }
            if (!name.startsWith(prefix)) {
                return false;
            }
            int end = name.length();
            for (int i = prefix.length(); i < name.length(); i++) {
                if (name.charAt(i) == '.' || name.charAt(i) == '(') {
                    end = i;
                    break;
                }
            }
            return lastSegment.get().matcher(name.substring(prefix.length(), end)).matches();
        }
    }
}
