package dev.veritensor.rules.pip.tree;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.Requirement;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.model.RequirementSyntaxException;

import java.util.Optional;

/**
 * Reads requirement strings held in TOML or JSON values with the pack's PEP 508 parser, located
 * in the file. A string that is not a valid requirement is reported as an
 * {@code invalid-requirement} error at the offending text (that requirement is not analysed) and skipped.
 */
public final class RequirementValues {

    /** Diagnostic code for a requirement string that does not parse. */
    public static final String INVALID_REQUIREMENT = "invalid-requirement";

    private RequirementValues() {
    }

    /** {@code value} as a PEP 508 requirement. */
    public static Optional<Requirement> pep508(ScalarNode value, ParseContext context) {
        try {
            return Optional.of(RequirementParser.parse(value.value(), TreeValues.origin(value)));
        } catch (RequirementSyntaxException e) {
            context.report(Diagnostic.error(INVALID_REQUIREMENT, e.location(),
                    "not a valid requirement: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * {@code value} as pip reads a requirement argument (a requirement, URL or path), after an
     * optional leading {@code -e}/{@code --editable} option.
     *
     * @return the requirement and whether it was marked editable
     */
    public static Optional<Requirement> pipArgument(ScalarNode value, ParseContext context) {
        String text = value.value();
        int start = 0;
        for (String option : new String[] {"--editable", "-e"}) {
            String stripped = text.stripLeading();
            if (stripped.startsWith(option) && stripped.length() > option.length()
                    && (stripped.charAt(option.length()) == ' ' || stripped.charAt(option.length()) == '=')) {
                start = text.length() - stripped.length() + option.length() + 1;
                break;
            }
        }
        try {
            return Optional.of(RequirementParser.parsePipArgument(text.substring(start),
                    TreeValues.origin(value, start)));
        } catch (RequirementSyntaxException e) {
            context.report(Diagnostic.error(INVALID_REQUIREMENT, e.location(),
                    "not a valid requirement: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
