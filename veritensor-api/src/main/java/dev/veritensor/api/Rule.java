package dev.veritensor.api;

/**
 * A check over documents of one type: a concrete document class of a pack or a capability view
 * such as {@link DeclaresDependencies}. The engine calls {@link #check} once for every document of
 * the scan that is an instance of {@link #documentType()}.
 *
 * <p>Rules are stateless and thread-safe, read only the model (never raw text) and report through
 * the context. They never execute what they inspect and never use the network.
 *
 * @param <D> the document type the rule reads
 */
public interface Rule<D> {

    /** The rule's metadata; its id is public contract. */
    RuleInfo info();

    /** The type of documents this rule reads. */
    Class<D> documentType();

    /** Checks one document, reporting findings to {@code context}. */
    void check(D document, RuleContext context);
}
