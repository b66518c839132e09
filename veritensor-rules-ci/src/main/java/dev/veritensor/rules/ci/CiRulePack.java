package dev.veritensor.rules.ci;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.rules.ci.docker.DockerfileParser;
import dev.veritensor.rules.ci.github.ActionMetadataParser;
import dev.veritensor.rules.ci.github.WorkflowParser;
import dev.veritensor.rules.ci.gitlab.GitLabCiParser;
import dev.veritensor.rules.ci.rule.CachePoisoningRule;
import dev.veritensor.rules.ci.rule.DangerousTriggerRule;
import dev.veritensor.rules.ci.rule.ExcessivePermissionsRule;
import dev.veritensor.rules.ci.rule.HardcodedCredentialRule;
import dev.veritensor.rules.ci.rule.PersistCredentialsRule;
import dev.veritensor.rules.ci.rule.PipeToShellRule;
import dev.veritensor.rules.ci.rule.SecretsInEnvRule;
import dev.veritensor.rules.ci.rule.SelfHostedRunnerRule;
import dev.veritensor.rules.ci.rule.TemplateInjectionRule;
import dev.veritensor.rules.ci.rule.UnpinnedActionRule;
import dev.veritensor.rules.ci.rule.UnpinnedImageRule;
import dev.veritensor.rules.ci.rule.UnpinnedIncludeRule;
import dev.veritensor.rules.ci.rule.UnverifiedDownloadRule;
import dev.veritensor.rules.ci.rule.UseTrustedPublishingRule;

import java.util.List;

/**
 * The CI pipeline rule pack: parsers for GitHub Actions workflows and action metadata, GitLab CI
 * configuration and Dockerfiles, and rules for pinning, injection, privileged triggers, token
 * permissions, secrets, runners, caches and the scripts these files run. Every {@code run:},
 * {@code script:} and {@code RUN} is exposed as a {@link dev.veritensor.api.Script} for other
 * packs' script parsers. Rule ids use the prefixes {@code gha/}, {@code gitlab/} and {@code ci/}.
 * Found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class CiRulePack implements RulePack {

    private final List<DocumentParser> parsers = List.of(new WorkflowParser(), new ActionMetadataParser(),
            new GitLabCiParser(), new DockerfileParser());
    private final List<Rule<?>> rules = List.of(
            new UnpinnedActionRule(),
            new TemplateInjectionRule(),
            new DangerousTriggerRule(),
            new ExcessivePermissionsRule(),
            new SecretsInEnvRule(),
            new SelfHostedRunnerRule(),
            new CachePoisoningRule(),
            new PersistCredentialsRule(),
            new UseTrustedPublishingRule(),
            new PipeToShellRule(),
            new UnverifiedDownloadRule(),
            new UnpinnedIncludeRule(),
            new UnpinnedImageRule(),
            new HardcodedCredentialRule());

    @Override
    public String id() {
        return "ci";
    }

    @Override
    public List<DocumentParser> parsers() {
        return parsers;
    }

    @Override
    public List<Rule<?>> rules() {
        return rules;
    }
}
