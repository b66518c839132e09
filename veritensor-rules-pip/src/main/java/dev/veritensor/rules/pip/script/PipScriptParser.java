package dev.veritensor.rules.pip.script;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Document;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.ScriptParser;

import java.util.List;

/**
 * Finds package installation in the shell scripts other packs expose — GitHub Actions
 * {@code run:}, GitLab {@code script:}, Dockerfile {@code RUN} — so that the pip pack's rules
 * judge a {@code pip install} in a workflow as they judge a requirements file, on the workflow's
 * line (id {@code pip/script}).
 *
 * <p>It derives:
 * <ul>
 *   <li>an {@link InstallCommandDocument} for each {@code pip install}/{@code download},
 *       {@code uv pip install}, {@code uv add}, {@code uv tool install} and {@code pipx install},
 *       however it is called (see {@link CommandRecognizer}), with its requirements and the index
 *       settings it runs with;</li>
 *   <li>one {@link ScriptEnvironmentDocument} with every index setting the script's environment
 *       variables and {@code pip config set} commands define.</li>
 * </ul>
 * Files named with {@code -r} are not followed: the script's working directory is unknown, and a
 * requirements file in the repository is scanned on its own. Hashes are not judged on the command
 * line ({@code pip/missing-hash} reads requirements files only): pip takes no {@code --hash}
 * option there, and with {@code --require-hashes} it refuses whatever has none, so no unchecked
 * download can come from the command itself.
 *
 * <p>Locations are exact on verbatim script lines and the script line otherwise. Any script is
 * accepted; the parser is stateless and thread-safe.
 */
public final class PipScriptParser implements ScriptParser {

    /** This parser's id. */
    public static final String ID = "pip/script";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Document> parse(Script script, ContainsScripts owner, ParseContext context) {
        return ScriptReader.read(script, owner.source(), context);
    }
}
