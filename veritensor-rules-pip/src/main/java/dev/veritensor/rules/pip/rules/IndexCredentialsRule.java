package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.EnvReferences;
import dev.veritensor.rules.pip.model.UrlParts;
import dev.veritensor.rules.pip.model.UrlSecrets;

import java.util.Optional;

/**
 * {@code pip/index-credentials}: a secret written into an index or find-links URL —
 * {@code https://user:password@host}, a token as user name ({@code https://token@host}), or a
 * token in the path where a hosted index takes it there ({@code https://pypi.fury.io/<token>/acme/};
 * see {@link UrlSecrets}). The message shows the URL masked, never the secret.
 *
 * <p>Not reported: a secret taken from the environment, which is the recommended practice —
 * {@code https://${USER}:${TOKEN}@host}, {@code https://user:${TOKEN}@host},
 * {@code https://${TOKEN}@host} or {@code https://pypi.fury.io/${TOKEN}/acme/} — and a user name
 * with an empty password, which holds no secret.
 */
public final class IndexCredentialsRule implements Rule<ConfiguresIndexes> {

    static final RuleInfo INFO = RuleInfo.builder("pip/index-credentials")
            .title("Credentials embedded in an index URL")
            .severity(Severity.HIGH)
            .description("A password or token written into an index URL is readable by everyone who can read the"
                    + " repository, stays in its history after removal, and is echoed by tools that print the"
                    + " URL. With it an attacker can read, and often publish to, the private index.")
            .remediation("Revoke the credential, remove it from the URL and let pip obtain it at install time:"
                    + " https://${PIP_USER}:${PIP_TOKEN}@host/simple (pip expands ${VAR}), a keyring, or a"
                    + " .netrc outside the repository.")
            .tags("security", "secrets", "CWE-522", "CWE-798")
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
            if (setting.role() == IndexSetting.Role.TRUSTED_HOST || setting.role() == IndexSetting.Role.NO_INDEX) {
                continue;
            }
            Optional<String> userInfo = UrlParts.parse(setting.url()).flatMap(UrlParts::userInfo);
            if (userInfo.isPresent() && holdsSecret(userInfo.get())) {
                context.report(setting.location(), "credentials are written into the URL '"
                        + Redaction.mask(setting.url()) + "'; take them from the environment or a keyring");
            } else if (UrlSecrets.pathToken(setting.url()).isPresent()) {
                context.report(setting.location(), "an access token is written into the path of the URL '"
                        + Redaction.mask(setting.url()) + "'; take it from the environment (${VAR}) or a keyring");
            }
        }
    }

    /** Whether user-info carries a literal secret: a password, or a lone user name used as a token. */
    private static boolean holdsSecret(String userInfo) {
        int colon = userInfo.indexOf(':');
        String secret = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
        return !secret.isEmpty() && !EnvReferences.isOnlyReferences(secret);
    }
}
