package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Fix;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.NamesIndexOptions;

import java.util.List;
import java.util.Optional;

/**
 * {@code pip/extra-index-url}: every extra index beside the primary one, wherever it is
 * configured, also when its URL comes from a {@code ${VAR}}. A document that switches indexes off
 * ({@code --no-index}) is not reported, since pip then consults none of them.
 *
 * <p>Fix: where the extra index is the document's only index and the configuration names it as the
 * organisation's own ({@code [internal] indexes}, a proxy that serves internal names before public
 * ones), its option is renamed to the primary one ({@code --extra-index-url} to
 * {@code --index-url}) so that index answers alone. For any other index (a vendor's wheel index,
 * say) that edit would break installs, so no fix is offered.
 */
public final class ExtraIndexUrlRule implements Rule<ConfiguresIndexes> {

    static final RuleInfo INFO = RuleInfo.builder("pip/extra-index-url")
            .title("Extra package index beside the primary index")
            .severity(Severity.HIGH)
            .description("An extra index (pip's --extra-index-url, the extra-index-url key of pip.conf) is searched"
                    + " together with the primary index, and pip installs the highest version it finds on any of"
                    + " them. Whoever publishes a package under one of your private names on the public index with"
                    + " a higher version number gets it installed instead of yours: dependency confusion.")
            .remediation("Use a single --index-url pointing at a repository proxy that serves your internal"
                    + " packages first and mirrors the public index for the rest, or bind internal packages to"
                    + " their index explicitly (uv or Poetry explicit sources).")
            .tags("security", "supply-chain", "dependency-confusion", "CWE-427", "CWE-1357")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<ConfiguresIndexes> documentType() {
        return ConfiguresIndexes.class;
    }

    @Override
    public void check(ConfiguresIndexes document, RuleContext context) {
        List<IndexSetting> settings = document.indexSettings();
        if (settings.stream().anyMatch(s -> s.role() == IndexSetting.Role.NO_INDEX)) {
            return;
        }
        long indexes = settings.stream()
                .filter(s -> s.role() == IndexSetting.Role.PRIMARY || s.role() == IndexSetting.Role.EXTRA).count();
        for (IndexSetting setting : settings) {
            if (setting.role() != IndexSetting.Role.EXTRA) {
                continue;
            }
            String message = "extra index '" + Redaction.mask(setting.url()) + "' is searched beside the primary"
                    + " index and the highest version from any of them is installed, so a public package named like"
                    + " an internal one can replace it (dependency confusion)";
            boolean proxy = context.project().internal().isInternalIndex(setting.url());
            context.report(setting.location(), message, indexes == 1 && proxy ? fix(document, setting) : List.of());
        }
    }

    private static List<Fix> fix(ConfiguresIndexes document, IndexSetting setting) {
        if (!(document instanceof NamesIndexOptions named)) {
            return List.of();
        }
        Optional<Location> option = named.optionName(setting);
        return option.map(at -> List.of(Fix.replace("Make this index the only one (" + named.primaryIndexOption()
                + "); it should serve internal packages first", at, named.primaryIndexOption()))).orElse(List.of());
    }
}
