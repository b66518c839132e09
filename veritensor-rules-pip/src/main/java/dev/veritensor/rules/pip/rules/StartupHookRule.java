package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.wheel.WheelDocument;
import dev.veritensor.rules.pip.wheel.WheelEntry;
import dev.veritensor.rules.pip.wheel.WheelLayout;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pip/startup-hook}: a wheel that installs a module Python imports by itself at every start:
 * {@code sitecustomize} or {@code usercustomize} (as a source, bytecode or extension module, or a
 * package) directly in site-packages — at the wheel's root or in its {@code .data/purelib} or
 * {@code .data/platlib} folder, see {@link WheelLayout} — or a PEP 829 {@code .start} file there,
 * whose entry points Python 3.15 and later call at start-up. One finding per module or file, on
 * the member.
 */
public final class StartupHookRule implements Rule<WheelDocument> {

    private static final Pattern CUSTOMIZE = Pattern.compile(
            "(sitecustomize|usercustomize)(?:\\.[A-Za-z0-9_-]+)*\\.(?:py|pyc|pyw|so|pyd)"
                    + "|(sitecustomize|usercustomize)/__init__(?:\\.[A-Za-z0-9_-]+)*\\.(?:py|pyc|so|pyd)");

    static final RuleInfo INFO = RuleInfo.builder("pip/startup-hook")
            .title("Wheel installs code that runs at every Python start-up")
            .severity(Severity.HIGH)
            .description("Python's site module imports sitecustomize and usercustomize from site-packages at every"
                    + " interpreter start, and Python 3.15 and later call the entry points of .start files there."
                    + " A wheel that installs one runs its code in every Python process of the environment, whether"
                    + " or not anything imports the package; no published library needs to.")
            .remediation("Do not install the wheel. Site-wide start-up code belongs to whoever administers the"
                    + " environment, not to a dependency; if this is your own package, use an explicit import or an"
                    + " entry point instead.")
            .tags("security", "supply-chain", "persistence", "CWE-94", "CWE-506")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<WheelDocument> documentType() {
        return WheelDocument.class;
    }

    @Override
    public void check(WheelDocument wheel, RuleContext context) {
        Set<String> reported = new HashSet<>();
        for (WheelEntry entry : wheel.entries()) {
            Optional<String> installed = WheelLayout.sitePackagesPath(entry.name());
            if (installed.isEmpty()) {
                continue;
            }
            String path = installed.get();
            Location at = Location.ofFile(wheel.memberPath(entry.name()));
            Matcher m = CUSTOMIZE.matcher(path);
            if (m.matches()) {
                String module = m.group(1) != null ? m.group(1) : m.group(2);
                if (reported.add(module)) {
                    context.report(at, entry.name() + " installs the " + module + " module into site-packages:"
                            + " Python imports it at every start-up");
                }
            } else if (path.indexOf('/') < 0 && path.endsWith(".start") && path.length() > ".start".length()) {
                context.report(at, entry.name() + " installs a start-up entry-point file into site-packages:"
                        + " Python 3.15 and later call its entry points at every start-up (PEP 829)");
            }
        }
    }
}
