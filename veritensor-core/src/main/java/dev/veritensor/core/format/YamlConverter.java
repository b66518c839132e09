package dev.veritensor.core.format;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.core.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a YAML stream into the neutral tree, one node per document.
 *
 * <p>The tree is built straight from snakeyaml-engine's event stream by a {@link TreeAssembler}:
 * the library's composer is not used, because it recurses once per nesting level (and overflows
 * the stack near 1,000 levels) and keeps a second node tree in memory. Each collection's depth is
 * checked when its start event arrives, before anything below it is read. The event parser holds
 * no nesting state on the call stack. The composer's alias limit is applied here instead:
 * at most {@link Limits#maxYamlAliases()} aliases of collections per stream.
 *
 * <p>An alias resolves to the very node object its anchor built, so a rule that walks the tree
 * meets that content once per use; {@link TreeAssembler} bounds the expanded size. An alias to an
 * anchor that is not complete yet (a recursive structure) is an error. Merge keys ({@code <<})
 * are expanded. Scalars keep their style; plain scalars are typed by the YAML 1.2 core schema
 * ({@code null}, booleans, integers, floats), everything else is a string.
 *
 * <p>Locations span a node's content without its anchor or tag. A block scalar's location starts
 * at its indicator ({@code |} or {@code >}) and ends after its last non-blank character, so line
 * {@code i} (0-based) of a {@link ScalarNode.Style#LITERAL} value is source line
 * {@code location().startLine() + 1 + i}. A block collection ends where its last item ends.
 */
final class YamlConverter {

    private final TextSpans spans;
    private final LoadSettings settings;
    /** Built once per parse: the schema builds a new resolver, patterns and all, on every call. */
    private final ScalarResolver resolver;
    private final int maxAliases;
    private final TreeAssembler tree;
    private final Map<String, TreeAssembler.Built> anchors = new HashMap<>();
    /** Anchors of the open collections, innermost first (empty when a collection has none). */
    private final Deque<Optional<Anchor>> openAnchors = new ArrayDeque<>();
    private int collectionAliases;

    YamlConverter(TextSpans spans, LoadSettings settings, Limits limits, Consumer<Diagnostic> warnings) {
        this.spans = spans;
        this.settings = settings;
        this.resolver = settings.getSchema().getScalarResolver();
        this.maxAliases = limits.maxYamlAliases();
        this.tree = new TreeAssembler(spans, limits.maxNestingDepth(), limits.maxTextFileSize(), true, warnings);
    }

    /**
     * Parser settings for {@code limits}: the YAML 1.2 core schema, marks on, comments and
     * environment variable substitution off, and a code point limit no text within the file size
     * limit can reach (a UTF-8 code point takes at least one byte).
     */
    static LoadSettings settings(Limits limits) {
        return LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .setParseComments(false)
                .setEnvConfig(Optional.empty())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxTextFileSize()))
                .build();
    }

    List<Node> convert() throws DocumentParseException {
        List<Node> documents = new ArrayList<>();
        try {
            for (Event event : new Parse(settings).parseString(spans.content())) {
                switch (event.getEventId()) {
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
                    case MappingEnd, SequenceEnd -> end(event);
                    case DocumentEnd -> {
                        tree.takeRoot().ifPresent(documents::add);
                        anchors.clear();
                    }
                    default -> {
                        // stream and document starts carry nothing for the tree
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new DocumentParseException("invalid YAML: " + problem.strip(),
                    mark.map(m -> spans.pointAt(offset(m))).orElseGet(() -> Location.ofFile(spans.path())), e);
        } catch (ReaderException e) {
            throw new DocumentParseException("invalid YAML: " + e.getMessage(),
                    spans.pointAt(spans.offsetOfCodePoint(e.getPosition())), e);
        } catch (YamlEngineException e) {
            throw new DocumentParseException("invalid YAML: " + e.getMessage(), Location.ofFile(spans.path()), e);
        }
        return documents;
    }

    private void scalar(ScalarEvent event) throws DocumentParseException {
        int end = endOffset(event);
        int start = contentStart(event, end);
        end = spans.trimTrailingBlanks(start, end);
        Tag tag = event.getTag().filter(t -> !t.equals("!")).map(Tag::new).orElseGet(() ->
                resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar()));
        ScalarNode.Type type = type(tag);
        ScalarNode node = new ScalarNode(type == ScalarNode.Type.NULL ? "" : event.getValue(), type,
                style(event), spans.span(start, end));
        tree.scalar(node, start, end);
        event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new TreeAssembler.Built(node, 0, 1)));
    }

    private void alias(AliasEvent event) throws DocumentParseException {
        int start = startOffset(event);
        int end = endOffset(event);
        String name = event.getAlias().getValue();
        TreeAssembler.Built target = anchors.get(name);
        if (target == null) {
            throw new DocumentParseException("alias *" + name + " does not refer to a complete anchored node"
                    + " before it (undefined or recursive)", spans.span(start, end));
        }
        if (!(target.node() instanceof ScalarNode) && ++collectionAliases > maxAliases) {
            throw new DocumentParseException("more than " + maxAliases + " aliases of collections",
                    spans.span(start, end));
        }
        tree.alias(target, start, end);
    }

    private void start(CollectionStartEvent event) throws DocumentParseException {
        tree.start(event.getEventId() == Event.ID.MappingStart, event.isFlow(), contentStart(event, Integer.MAX_VALUE));
        openAnchors.push(event.getAnchor());
    }

    private void end(Event event) throws DocumentParseException {
        TreeAssembler.Built built = tree.end(endOffset(event));
        openAnchors.pop().ifPresent(a -> anchors.put(a.getValue(), built));
    }

    /** Where a node's content starts: after its anchor and tag, if it has any (not past {@code limit}). */
    private int contentStart(NodeEvent event, int limit) {
        int i = startOffset(event);
        while (i < limit && (spans.charAt(i) == '&' || spans.charAt(i) == '!')) {
            while (i < spans.length() && !isPropertyEnd(spans.charAt(i))) {
                i++;
            }
            i = skipSpaceAndComments(i);
        }
        return Math.min(i, limit);
    }

    private int skipSpaceAndComments(int offset) {
        int i = offset;
        while (i < spans.length()) {
            char c = spans.charAt(i);
            if (c == '#') {
                i = spans.lineEnd(i);
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isPropertyEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']'
                || c == '{' || c == '}';
    }

    private int startOffset(Event event) {
        return event.getStartMark().map(this::offset).orElse(0);
    }

    private int endOffset(Event event) {
        return event.getEndMark().map(this::offset).orElse(spans.length());
    }

    private int offset(Mark mark) {
        return spans.offsetOfCodePoint(mark.getIndex());
    }

    private static ScalarNode.Type type(Tag tag) {
        if (tag.equals(Tag.NULL)) {
            return ScalarNode.Type.NULL;
        } else if (tag.equals(Tag.BOOL)) {
            return ScalarNode.Type.BOOLEAN;
        } else if (tag.equals(Tag.INT)) {
            return ScalarNode.Type.INTEGER;
        } else if (tag.equals(Tag.FLOAT)) {
            return ScalarNode.Type.FLOAT;
        }
        return ScalarNode.Type.STRING;
    }

    private static ScalarNode.Style style(ScalarEvent event) {
        return switch (event.getScalarStyle()) {
            case PLAIN -> ScalarNode.Style.PLAIN;
            case SINGLE_QUOTED -> ScalarNode.Style.SINGLE_QUOTED;
            case LITERAL -> ScalarNode.Style.LITERAL;
            case FOLDED -> ScalarNode.Style.FOLDED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarNode.Style.DOUBLE_QUOTED;
        };
    }
}
