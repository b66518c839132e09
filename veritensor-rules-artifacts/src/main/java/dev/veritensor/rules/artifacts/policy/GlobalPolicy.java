package dev.veritensor.rules.artifacts.policy;

import dev.veritensor.rules.artifacts.pickle.GlobalRef;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how far a global imported by a pickle (or named by a model configuration) can be
 * trusted. An allow-list of exact {@code (module, qualified name)} pairs is safe; everything else
 * is unknown, and a deny-list of dotted prefixes grades unknown globals up to dangerous.
 *
 * <p>Module aliases are normalised first ({@code __builtin__} and {@code exceptions} to
 * {@code builtins}, {@code copy_reg} to {@code copyreg}, {@code posix} and {@code nt} to {@code os},
 * {@code _operator} to {@code operator}, …), and the deny-list is matched from every dotted
 * segment of the reference, so an attribute path through another module
 * ({@code posixpath} + {@code os.system}) is graded by where it leads. Any dunder segment
 * ({@code __class__}, {@code __globals__}, {@code __builtins__}, …) outside the allow-list is
 * dangerous: it walks interpreter internals. TorchScript class references ({@code __torch__.…},
 * written by {@code torch.jit.save}) are safe unless a later segment is denied or a dunder: no
 * Python module of that name exists, and {@code torch.jit.load} resolves them against the classes
 * compiled into the archive. Immutable and thread-safe.
 */
public final class GlobalPolicy {

    /** How a global is judged. */
    public enum Level { SAFE, UNKNOWN, DANGEROUS }

    /**
     * A judgement.
     *
     * @param level      the level
     * @param normalized the reference as {@code module.name} after alias normalisation
     * @param reason     for dangerous globals, what they can do; otherwise empty
     */
    public record Verdict(Level level, String normalized, String reason) {
    }

    private static final Map<String, String> MODULE_ALIASES = Map.ofEntries(
            Map.entry("__builtin__", "builtins"), Map.entry("__builtins__", "builtins"),
            Map.entry("exceptions", "builtins"), Map.entry("copy_reg", "copyreg"),
            Map.entry("cPickle", "pickle"), Map.entry("_pickle", "pickle"), Map.entry("posix", "os"),
            Map.entry("nt", "os"), Map.entry("_operator", "operator"), Map.entry("_io", "io"),
            Map.entry("_codecs", "codecs"), Map.entry("_functools", "functools"),
            Map.entry("_socket", "socket"), Map.entry("commands", "subprocess"),
            Map.entry("_subprocess", "subprocess"), Map.entry("_collections", "collections"),
            Map.entry("_datetime", "datetime"),
            Map.entry("_decimal", "decimal"), Map.entry("_pydecimal", "decimal"),
            Map.entry("cStringIO", "io"), Map.entry("StringIO", "io"));

    private static final Map<String, String> BUILTIN_RENAMES = Map.of(
            "unicode", "str", "long", "int", "xrange", "range", "basestring", "str",
            "reduce", "functools.reduce", "intern", "sys.intern", "raw_input", "input");

    /** TorchScript's namespace for compiled classes; Python has no module of this name. */
    private static final String TORCHSCRIPT_NAMESPACE = "__torch__";

    private static final GlobalPolicy STANDARD = new GlobalPolicy(
            load("safe-globals.txt").keySet(), load("dangerous-globals.txt"));

    private final Set<String> allowed;
    private final Map<String, String> dangerous;

    private GlobalPolicy(Set<String> allowed, Map<String, String> dangerous) {
        this.allowed = Set.copyOf(allowed);
        this.dangerous = Map.copyOf(dangerous);
    }

    /** The built-in lists. */
    public static GlobalPolicy standard() {
        return STANDARD;
    }

    /**
     * This policy with further exact pairs allowed, each written {@code module:qualname}
     * (e.g. {@code sklearn.pipeline:Pipeline}); entries without a colon are ignored.
     */
    public GlobalPolicy withAllowed(Collection<String> pairs) {
        if (pairs.isEmpty()) {
            return this;
        }
        Set<String> more = new HashSet<>(allowed);
        for (String p : pairs) {
            int colon = p.indexOf(':');
            if (colon > 0 && colon < p.length() - 1) {
                more.add(key(p.substring(0, colon).strip(), p.substring(colon + 1).strip()));
            }
        }
        return new GlobalPolicy(more, dangerous);
    }

    /** Judges {@code ref}. */
    public Verdict judge(GlobalRef ref) {
        String module = normalizeModule(ref.module());
        String name = ref.name();
        if (module.equals("builtins") && BUILTIN_RENAMES.containsKey(name)) {
            String renamed = BUILTIN_RENAMES.get(name);
            int dot = renamed.lastIndexOf('.');
            if (dot > 0) {
                module = renamed.substring(0, dot);
                name = renamed.substring(dot + 1);
            } else {
                name = renamed;
            }
        }
        String normalized = module + "." + name;
        if (allowed.contains(key(module, name))) {
            return new Verdict(Level.SAFE, normalized, "");
        }
        List<String> segments = new ArrayList<>(List.of(module.split("\\.", -1)));
        segments.addAll(List.of(name.split("\\.", -1)));
        for (int start = 0; start < segments.size(); start++) {
            String first = MODULE_ALIASES.getOrDefault(segments.get(start), segments.get(start));
            StringBuilder path = new StringBuilder(first);
            String hit = dangerous.get(path.toString());
            for (int i = start + 1; hit == null && i < segments.size(); i++) {
                path.append('.').append(segments.get(i));
                hit = dangerous.get(path.toString());
            }
            if (hit != null) {
                return new Verdict(Level.DANGEROUS, normalized,
                        path.toString().equals(normalized) ? hit : path + " " + hit);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            boolean namespace = i == 0 && (s.equals("__main__") || s.equals(TORCHSCRIPT_NAMESPACE));
            if (s.length() > 4 && s.startsWith("__") && s.endsWith("__") && !namespace) {
                return new Verdict(Level.DANGEROUS, normalized, s + " reaches interpreter internals");
            }
        }
        if (segments.get(0).equals(TORCHSCRIPT_NAMESPACE)) {
            return new Verdict(Level.SAFE, normalized, "");
        }
        return new Verdict(Level.UNKNOWN, normalized, "");
    }

    /**
     * Whether {@code ref} names an attribute reached through another object rather than a
     * module-level class or function: a qualified name whose last segment starts in lower case or
     * with an underscore ({@code pathlib} {@code Path.touch}, {@code builtins} {@code str.join}).
     * Such a global is almost always a method, and called as a plain function it runs on whatever
     * object the pickle passes as its first argument. Nested classes ({@code Outer.Inner}) are not
     * attribute references.
     */
    public static boolean isAttributeReference(GlobalRef ref) {
        String name = ref.name().strip();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return false;
        }
        char first = name.charAt(dot + 1);
        return first == '_' || Character.isLowerCase(first);
    }

    /** The module name with Python 2 and platform aliases replaced by the canonical module. */
    public static String normalizeModule(String module) {
        String m = module.strip();
        String alias = MODULE_ALIASES.get(m);
        if (alias != null) {
            return alias;
        }
        int dot = m.indexOf('.');
        if (dot > 0) {
            String head = MODULE_ALIASES.get(m.substring(0, dot));
            if (head != null) {
                return head + m.substring(dot);
            }
        }
        return m;
    }

    private static String key(String module, String name) {
        return module + " " + name;
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GlobalPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 3);
                if (resource.startsWith("safe")) {
                    out.put(key(parts[0], parts[1]), "");
                } else {
                    out.put(parts[0], parts.length > 1 ? t.substring(parts[0].length()).strip() : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
