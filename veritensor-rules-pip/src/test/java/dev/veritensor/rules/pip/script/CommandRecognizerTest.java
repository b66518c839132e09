package dev.veritensor.rules.pip.script;

import dev.veritensor.rules.pip.script.CommandRecognizer.Assignment;
import dev.veritensor.rules.pip.script.CommandRecognizer.ConfigSet;
import dev.veritensor.rules.pip.script.CommandRecognizer.Invocation;
import dev.veritensor.rules.pip.script.CommandRecognizer.Recognized;
import dev.veritensor.rules.pip.script.CommandRecognizer.Tool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRecognizerTest {

    private static Recognized recognize(String command) {
        List<ShellCommand> cs = ShellLexer.commands(command, false);
        assertThat(cs).hasSize(1);
        return CommandRecognizer.recognize(cs.get(0));
    }

    private static Optional<Invocation> invocation(String command) {
        return recognize(command).action().filter(Invocation.class::isInstance).map(Invocation.class::cast);
    }

    private static List<String> arguments(Invocation i) {
        return i.arguments().stream().map(ShellWord::value).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pip install torch                                   | PIP  | pip install",
            "pip3 install torch                                  | PIP  | pip install",
            "pip3.12 install torch                               | PIP  | pip install",
            "/opt/venv/bin/pip install torch                     | PIP  | pip install",
            "C:\\\\py\\\\Scripts\\\\pip.exe install torch        | PIP  | pip install",
            "python -m pip install torch                         | PIP  | pip install",
            "python3 -m pip install torch                        | PIP  | pip install",
            "python3.11 -u -W ignore -mpip install torch         | PIP  | pip install",
            "py -3.11 -m pip install torch                       | PIP  | pip install",
            "$PYTHON -m pip install torch                        | PIP  | pip install",
            "pip --disable-pip-version-check -q download torch   | PIP  | pip download",
            "pip --proxy http://p:3128 install torch             | PIP  | pip install",
            "uv pip install torch                                | UV   | uv pip install",
            "uv --no-cache pip install torch                     | UV   | uv pip install",
            "python -m uv pip install torch                      | UV   | uv pip install",
            "uv add torch                                        | UV   | uv add",
            "uv tool install torch                               | UV   | uv tool install",
            "pipx install torch                                  | PIPX | pipx install",
            "sudo -E -u runner pip install torch                 | PIP  | pip install",
            "env -u HOME PIP_NO_INPUT=1 pip install torch        | PIP  | pip install",
            "nohup nice -n 5 time -p timeout -s KILL 10m pip install torch | PIP | pip install",
            "if ! pip install torch                              | PIP  | pip install",
            "then exec pip install torch                         | PIP  | pip install",
    })
    void recognisesInstallersHoweverTheyAreCalled(String command, Tool tool, String name) {
        Invocation i = invocation(command.strip()).orElseThrow();
        assertThat(i.tool()).isEqualTo(tool);
        assertThat(i.command()).isEqualTo(name);
        assertThat(arguments(i)).containsExactly("torch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pip uninstall torch", "pip show torch", "pip freeze", "python script.py -m pip install x",
            "python -c 'import pip' install x", "uv sync", "uv pip compile requirements.in", "pipx run black",
            "echo pip install torch", "command -v pip", "pip", "uv tool list", "pipinstall torch", "sudo",
            "python -m pipx run x", "py -m venv .venv"})
    void ignoresEverythingElse(String command) {
        assertThat(invocation(command)).isEmpty();
    }

    @Test
    void assignmentsBeforeACommandHoldForItAlone() {
        Recognized r = recognize("PIP_INDEX_URL=https://x/simple A=1 pip install torch");
        assertThat(r.forCommand()).extracting(Assignment::name).containsExactly("PIP_INDEX_URL", "A");
        assertThat(r.forCommand().get(0).value().value()).isEqualTo("https://x/simple");
        assertThat(r.forScript()).isEmpty();
        assertThat(r.action()).isPresent();
    }

    @Test
    void bareAndExportedAssignmentsHoldForTheScript() {
        assertThat(recognize("PIP_INDEX_URL=https://x/simple").forScript()).extracting(Assignment::name)
                .containsExactly("PIP_INDEX_URL");
        Recognized exported = recognize("export PIP_EXTRA_INDEX_URL=\"https://a https://b\" OTHER");
        assertThat(exported.forScript()).extracting(Assignment::name).containsExactly("PIP_EXTRA_INDEX_URL");
        assertThat(exported.forScript().get(0).value().value()).isEqualTo("https://a https://b");
        assertThat(recognize("\"PIP_INDEX_URL\"=x").forScript()).isEmpty();
    }

    @Test
    void anEmptiedEnvironmentIsNoticed() {
        assertThat(recognize("env -i PATH=/bin pip install x").clearsEnvironment()).isTrue();
        assertThat(recognize("env PATH=/bin pip install x").clearsEnvironment()).isFalse();
    }

    @Test
    void variablesWrittenToTheGitHubEnvironmentFileHoldForLaterSteps() {
        Recognized r = recognize("echo \"PIP_EXTRA_INDEX_URL=https://x/simple\" >> \"$GITHUB_ENV\"");
        assertThat(r.forLaterSteps()).extracting(Assignment::name).containsExactly("PIP_EXTRA_INDEX_URL");
        assertThat(r.forScript()).isEmpty();
        assertThat(recognize("echo \"PIP_EXTRA_INDEX_URL=https://x/simple\" >> out.txt").forLaterSteps()).isEmpty();
    }

    @Test
    void pipConfigSetIsRecognisedWithItsOptionsAnywhere() {
        ConfigSet set = (ConfigSet) recognize("pip config --user set global.index-url https://x/simple").action()
                .orElseThrow();
        assertThat(set.key().value()).isEqualTo("global.index-url");
        assertThat(set.value().value()).isEqualTo("https://x/simple");
        assertThat(recognize("python -m pip config set install.extra-index-url https://y --global").action())
                .containsInstanceOf(ConfigSet.class);
        assertThat(recognize("pip config get global.index-url").action()).isEmpty();
    }
}
