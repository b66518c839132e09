package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.UrlParts;

import java.util.Optional;

/**
 * {@code pip/insecure-index}: a package source reached without TLS protection — an index or
 * find-links URL over plain {@code http://}, every trusted host (pip then accepts any certificate
 * from it, and plain http), and any index whose configuration turns certificate checks off.
 * Loopback hosts ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) are not reported: that traffic
 * never leaves the machine. A URL given by a {@code ${VAR}} is not judged, its scheme being
 * unknown.
 */
public final class InsecureIndexRule implements Rule<ConfiguresIndexes> {

    static final RuleInfo INFO = RuleInfo.builder("pip/insecure-index")
            .title("Package index reached without TLS protection")
            .severity(Severity.HIGH)
            .description("Packages fetched over plain http, or from a host whose certificate is not checked"
                    + " (--trusted-host, verify_ssl = false), can be replaced in transit by anyone on the network"
                    + " path, and the replaced code runs at install time.")
            .remediation("Serve the index over https with a valid certificate and remove --trusted-host; for an"
                    + " internal certificate authority, give pip the CA bundle (--cert, PIP_CERT) instead of"
                    + " trusting the host.")
            .tags("security", "supply-chain", "transport", "CWE-319", "CWE-295", "CWE-494")
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
        for (IndexSetting setting : document.indexSettings()) {
            String url = Redaction.mask(setting.url());
            switch (setting.role()) {
                case NO_INDEX -> {
                    // nothing is fetched
                }
                case TRUSTED_HOST -> {
                    if (!UrlParts.isLoopbackHost(setting.url().strip())) {
                        context.report(setting.location(), "trusted host '" + url + "': certificate checks are"
                                + " skipped for it (and pip also accepts plain http from it)");
                    }
                }
                default -> {
                    Optional<UrlParts> parts = UrlParts.parse(setting.url());
                    boolean remote = parts.map(p -> !p.isLoopback()).orElse(false);
                    if (remote && parts.get().scheme().equals("http")) {
                        context.report(setting.location(), (setting.role() == IndexSetting.Role.FIND_LINKS
                                ? "find-links" : "index") + " '" + url + "' is plain http: packages can be"
                                + " swapped in transit");
                    } else if (remote && !setting.verifyTls()) {
                        context.report(setting.location(), "certificate verification is off for index '" + url
                                + "': packages can be swapped in transit");
                    }
                }
            }
        }
    }
}
