package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.artifacts.model.KerasReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in a parsed Keras model configuration, every object that makes Keras import or run
 * Python code while loading: {@code Lambda} layers, serialized functions ({@code class_name}
 * {@code function} or {@code __lambda__} from outside Keras, or a Keras function named as if it
 * were a class, such as {@code keras.utils.get_file}), {@code TFSMLayer}s that load another model,
 * lookup layers that read their vocabulary from a path or URL written in the configuration, and
 * objects whose {@code module} lies outside Keras. Keras classes are CamelCase, so a lower-case
 * {@code class_name} under a Keras module names a function.
 */
final class KerasConfig {

    /** Layers whose {@code vocabulary} may be a file path or URL that Keras reads when it builds them. */
    private static final Set<String> LOOKUP_LAYERS = Set.of("StringLookup", "IntegerLookup", "TextVectorization");

    private static final Set<String> KERAS_MODULES = Set.of("keras", "keras_hub", "keras_nlp", "keras_cv", "tf_keras");

    private KerasConfig() {
    }

    static List<KerasReference> references(Node root) {
        List<KerasReference> out = new ArrayList<>();
        walk(root, "$", Optional.empty(), out);
        return out;
    }

    private static void walk(Node node, String path, Optional<String> layer, List<KerasReference> out) {
        if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                walk(list.items().get(i), path + "[" + i + "]", layer, out);
            }
            return;
        }
        if (!(node instanceof MapNode map)) {
            return;
        }
        Optional<String> className = text(map, "class_name");
        Optional<String> module = text(map, "module");
        Optional<String> name = map.map("config").flatMap(c -> text(c, "name")).or(() -> layer);
        if (className.isPresent()) {
            String cls = className.get();
            if (cls.equals("Lambda")) {
                out.add(new KerasReference(KerasReference.Kind.LAMBDA_LAYER, name, cls, module,
                        lambdaFunction(map), path));
                for (MapNode.Entry e : map.entries()) {
                    if (e.name().equals("config") && e.value() instanceof MapNode config) {
                        for (MapNode.Entry c : config.entries()) {
                            if (!c.name().equals("function")) {
                                walk(c.value(), path + ".config." + c.name(), name, out);
                            }
                        }
                    } else {
                        walk(e.value(), path + "." + e.name(), name, out);
                    }
                }
                return;
            } else if ((cls.equals("function") || cls.equals("__lambda__"))
                    && !module.filter(KerasConfig::isKeras).isPresent()) {
                Optional<String> fn = map.get("config").flatMap(Node::text).or(() -> text(map, "registered_name"));
                out.add(new KerasReference(KerasReference.Kind.FUNCTION, layer, cls, module,
                        cls.equals("__lambda__") ? Optional.of("marshalled lambda bytecode") : fn, path));
            } else if (module.isPresent() && isKeras(module.get()) && Character.isLowerCase(cls.charAt(0))) {
                out.add(new KerasReference(KerasReference.Kind.FUNCTION, layer, cls, module, Optional.of(cls), path));
            } else if (cls.equals("TFSMLayer")) {
                out.add(new KerasReference(KerasReference.Kind.EXTERNAL_MODEL, name, cls, module,
                        map.map("config").flatMap(c -> text(c, "filepath")), path));
            } else if (LOOKUP_LAYERS.contains(cls) && vocabularyPath(map).isPresent()) {
                out.add(new KerasReference(KerasReference.Kind.EXTERNAL_FILE, name, cls, module, vocabularyPath(map), path));
            } else if (module.isPresent() && !isKeras(module.get())) {
                out.add(new KerasReference(KerasReference.Kind.FOREIGN_MODULE, name, cls, module,
                        text(map, "registered_name"), path));
            }
        }
        for (MapNode.Entry e : map.entries()) {
            walk(e.value(), path + "." + e.name(), name, out);
        }
    }

    /** A lookup layer's {@code vocabulary} when it is a string (a path or URL) rather than a list. */
    private static Optional<String> vocabularyPath(MapNode layer) {
        return layer.map("config").flatMap(c -> text(c, "vocabulary"));
    }

    private static Optional<String> lambdaFunction(MapNode layer) {
        Optional<Node> fn = layer.map("config").flatMap(c -> c.get("function"));
        if (fn.isEmpty()) {
            return Optional.empty();
        }
        Node f = fn.get();
        if (f instanceof MapNode m) {
            Optional<String> cls = text(m, "class_name");
            if (cls.filter(c -> c.equals("__lambda__")).isPresent()) {
                return Optional.of("marshalled lambda bytecode");
            }
            return m.get("config").flatMap(Node::text);
        }
        if (f instanceof ListNode) {
            return Optional.of("marshalled bytecode");
        }
        return f.text();
    }

    private static boolean isKeras(String module) {
        int dot = module.indexOf('.');
        return KERAS_MODULES.contains(dot < 0 ? module : module.substring(0, dot));
    }

    private static Optional<String> text(MapNode map, String key) {
        return map.scalar(key).filter(s -> s.type() == ScalarNode.Type.STRING).map(ScalarNode::value);
    }
}
