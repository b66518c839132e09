package dev.veritensor.core.engine;

import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.ProjectView;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleOptions;
import dev.veritensor.api.Severity;
import dev.veritensor.core.Scanner.RuleSetup;

import java.util.List;
import java.util.Objects;

/** The engine's {@link RuleContext} for one rule checking one document; collects raw reports. */
final class EngineRuleContext implements RuleContext {

    /** What a rule reported, before the engine turns it into a finding. */
    record RawFinding(RuleSetup setup, Severity severity, Location location, String message, List<Fix> fixes) { }

    private final RuleSetup setup;
    private final ProjectView project;
    private final List<RawFinding> out;

    EngineRuleContext(RuleSetup setup, ProjectView project, List<RawFinding> out) {
        this.setup = setup;
        this.project = project;
        this.out = out;
    }

    @Override
    public RuleOptions options() {
        return setup.options();
    }

    @Override
    public ProjectView project() {
        return project;
    }

    @Override
    public void report(Location location, String message, List<Fix> fixes) {
        report(setup.rule().info().defaultSeverity(), location, message, fixes);
    }

    @Override
    public void report(Severity severity, Location location, String message, List<Fix> fixes) {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        out.add(new RawFinding(setup, severity, location, message, List.copyOf(fixes)));
    }
}
