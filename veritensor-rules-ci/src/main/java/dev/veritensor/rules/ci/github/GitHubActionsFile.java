package dev.veritensor.rules.ci.github;

import dev.veritensor.rules.ci.model.PipelineDocument;

import java.util.List;

/**
 * A GitHub Actions file: a workflow or an action's metadata. Rules about steps and expressions
 * read both through this view.
 */
public sealed interface GitHubActionsFile extends PipelineDocument permits Workflow, ActionMetadata {

    /** Every step of the file, in source order. */
    List<Step> steps();

    /** Every expression of the file ({@code ${{ }}} placeholders and {@code if:} conditions), in source order. */
    List<Expression> expressions();
}
