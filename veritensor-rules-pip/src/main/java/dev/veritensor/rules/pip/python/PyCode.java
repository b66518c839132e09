package dev.veritensor.rules.pip.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Python code read into scopes and statements by {@link PyCodeReader}, never executed. Immutable.
 */
public final class PyCode {

    private final List<PyBlock> blocks;
    private final boolean complete;
    private final List<List<PyBlock>> children;

    /**
     * @param blocks   the module block first, then classes and functions in source order; each
     *                 block's index is its position
     * @param complete false when a statement was longer than the reader's bound and its tail was skipped
     */
    public PyCode(List<PyBlock> blocks, boolean complete) {
        this.blocks = List.copyOf(blocks);
        this.complete = complete;
        List<List<PyBlock>> kids = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).index() != i) {
                throw new IllegalArgumentException("block " + i + " has index " + blocks.get(i).index());
            }
            kids.add(new ArrayList<>());
        }
        for (PyBlock b : this.blocks) {
            b.parent().ifPresent(p -> kids.get(p).add(b));
        }
        this.children = kids.stream().map(List::copyOf).toList();
    }

    /** All blocks: the module first, then classes and functions in source order. */
    public List<PyBlock> blocks() {
        return blocks;
    }

    /** False when a statement was longer than the reader's bound and its tail was skipped. */
    public boolean complete() {
        return complete;
    }

    /** The module block. */
    public PyBlock module() {
        return blocks.get(0);
    }

    /** The blocks directly inside {@code block}, in source order. */
    public List<PyBlock> children(PyBlock block) {
        return children.get(block.index());
    }

    /** Every reference of every statement of every block. */
    public List<PyReference> references() {
        List<PyReference> out = new ArrayList<>();
        for (PyBlock b : blocks) {
            for (PyStatement s : b.statements()) {
                out.addAll(s.references());
            }
        }
        return out;
    }
}
