package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.ci.model.ImageReference;
import dev.veritensor.rules.ci.model.PipelineDocument;

import java.util.List;
import java.util.Optional;

/**
 * {@code ci/unpinned-image}: a container image referenced by tag instead of by digest: GitLab
 * {@code image:}/{@code services:}, GitHub Actions job {@code container:}/{@code services:},
 * Dockerfile {@code FROM} and {@code COPY --from}. A tag can be re-pointed to another image at any
 * time; LOW for a version tag, MEDIUM for {@code latest} or no tag at all. References whose tag is
 * a variable are not judged.
 */
public final class UnpinnedImageRule implements Rule<PipelineDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("ci/unpinned-image")
            .title("Container image not pinned to a digest")
            .severity(Severity.LOW)
            .description("Builds and jobs that run on `image:tag` get whatever the registry serves for that tag "
                    + "today. Tags are mutable: a compromised registry account or an upstream re-tag changes the "
                    + "base of every build silently, and builds stop being reproducible. `latest` and untagged "
                    + "references change by design and are MEDIUM.")
            .remediation("Reference images by digest, keeping the tag for readers: "
                    + "`python:3.11-slim@sha256:<digest>`; let Renovate or Dependabot update digests.")
            .tags("supply-chain", "containers", "CWE-829", "CWE-494")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<PipelineDocument> documentType() {
        return PipelineDocument.class;
    }

    @Override
    public void check(PipelineDocument document, RuleContext context) {
        FindingSink sink = new FindingSink(context);
        for (ImageReference image : document.images()) {
            if (image.digest().isPresent()) {
                continue;
            }
            Optional<String> tag = image.tag();
            if (tag.isPresent() ? tag.get().contains("$") : image.hasVariables()) {
                continue;
            }
            if (tag.isEmpty() || tag.get().equals("latest")) {
                sink.report(Severity.MEDIUM, image.location(), "`" + image.reference() + "` (" + image.origin()
                        + ") follows " + (tag.isEmpty() ? "the implicit `latest` tag" : "`latest`")
                        + ", which changes with every push; pin a digest", List.of());
            } else {
                sink.report(image.location(), "`" + image.reference() + "` (" + image.origin() + ") is pinned to "
                        + "tag `" + tag.get() + "`, not to a digest; add `@sha256:…`");
            }
        }
    }
}
