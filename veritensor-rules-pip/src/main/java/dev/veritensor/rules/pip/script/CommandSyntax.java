package dev.veritensor.rules.pip.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command-line options of one installer command ({@code pip install}, {@code uv pip install},
 * {@code uv add}, {@code uv tool install}, {@code pipx install}) and of the global options that
 * may come before a subcommand: which take a value, so that a value is never mistaken for a
 * package, and what the ones that matter to Veritensor do.
 *
 * <p>This is the command line, not a requirements file: it has options a requirements file does
 * not accept ({@code --user}, {@code --target}, {@code --no-cache-dir}, …) and uv's spellings. pip
 * (optparse) and pipx (argparse) accept any unambiguous prefix of a long option; uv does not.
 * Short options may be grouped ({@code -Uq}) and take their value attached ({@code -ihttp://…}).
 */
final class CommandSyntax {

    /** What an option does, for the options that decide what is installed and from where. */
    enum Meaning {
        /** Nothing Veritensor models (output, caching, build settings, …). */
        NONE,
        /** {@code -r}: a requirements file, judged by itself when it is scanned. */
        REQUIREMENTS_FILE,
        /** {@code -c}: a constraints file, which may pin every requirement of the command. */
        CONSTRAINTS_FILE,
        /** {@code -e}: an editable project directory or VCS URL. */
        EDITABLE,
        /** A requirement given as an option value ({@code uv tool install --with}, {@code pipx --preinstall}). */
        REQUIREMENT,
        /** pip's {@code --index-url}, uv's {@code --index-url}/{@code --default-index}: the index that replaces PyPI. */
        DEFAULT_INDEX,
        /** {@code --extra-index-url}. */
        EXTRA_INDEX,
        /** uv's {@code --index}: an index consulted before the default one. */
        INDEX,
        /** {@code --find-links}. */
        FIND_LINKS,
        /** pip's {@code --trusted-host}, uv's {@code --allow-insecure-host}. */
        TRUSTED_HOST,
        /** {@code --no-index}. */
        NO_INDEX,
        /** uv's {@code --index-strategy}. */
        INDEX_STRATEGY,
        /** pipx's {@code --pip-args}: more pip options in one word. */
        PIP_ARGS
    }

    /**
     * One option.
     *
     * @param names      long spellings, {@code --…}
     * @param shortName  the short letter, or {@code 0}
     * @param takesValue whether it takes a value
     * @param meaning    what it does
     */
    record Option(List<String> names, char shortName, boolean takesValue, Meaning meaning) {
        Option {
            names = List.copyOf(names);
        }
    }

    private final List<Option> options;
    private final boolean abbreviations;

    private CommandSyntax(List<Option> options, boolean abbreviations) {
        this.options = List.copyOf(options);
        this.abbreviations = abbreviations;
    }

    /** The option spelled {@code --name} (exactly, else by a unique prefix where abbreviations are allowed). */
    Optional<Option> findLong(String name) {
        Option prefixed = null;
        int prefixes = 0;
        for (Option o : options) {
            for (String n : o.names()) {
                if (n.equals(name)) {
                    return Optional.of(o);
                }
                if (abbreviations && n.startsWith(name) && prefixed != o) {
                    prefixed = o;
                    prefixes++;
                }
            }
        }
        return prefixes == 1 ? Optional.of(prefixed) : Optional.empty();
    }

    /** The option spelled {@code -c}. */
    Optional<Option> findShort(char c) {
        for (Option o : options) {
            if (o.shortName() == c) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    // ---- the tables ----------------------------------------------------------------------------

    private static final List<Option> PIP_GENERAL = List.of(
            flag("--help", 'h'), flag("--debug"), flag("--isolated"),
            value("--python"), flag("--verbose", 'v'), flag("--version", 'V'), flag("--quiet", 'q'),
            new Option(List.of("--require-virtualenv", "--require-venv"), (char) 0, false, Meaning.NONE),
            new Option(List.of("--log", "--log-file", "--local-log"), (char) 0, true, Meaning.NONE),
            flag("--no-input"), value("--keyring-provider"), value("--proxy"), value("--retries"),
            new Option(List.of("--timeout", "--default-timeout"), (char) 0, true, Meaning.NONE),
            value("--exists-action"), meaning("--trusted-host", (char) 0, Meaning.TRUSTED_HOST),
            value("--cert"), value("--client-cert"), value("--cache-dir"), flag("--no-cache-dir"),
            flag("--disable-pip-version-check"), flag("--no-color"), flag("--no-python-version-warning"),
            value("--use-feature"), value("--use-deprecated"), value("--resume-retries"));

    private static final List<Option> PIP_INSTALL_ONLY = List.of(
            meaning("--requirement", 'r', Meaning.REQUIREMENTS_FILE),
            meaning("--constraint", 'c', Meaning.CONSTRAINTS_FILE),
            meaning("--editable", 'e', Meaning.EDITABLE),
            new Option(List.of("--index-url", "--pypi-url"), 'i', true, Meaning.DEFAULT_INDEX),
            meaning("--extra-index-url", (char) 0, Meaning.EXTRA_INDEX),
            new Option(List.of("--no-index"), (char) 0, false, Meaning.NO_INDEX),
            meaning("--find-links", 'f', Meaning.FIND_LINKS),
            flag("--no-deps"), flag("--pre"), flag("--dry-run"), value("--target", 't'), value("--platform"),
            value("--python-version"), value("--implementation"), value("--abi"), flag("--user"), value("--root"),
            value("--prefix"),
            new Option(List.of("--src", "--source", "--source-dir", "--source-directory"), (char) 0, true,
                    Meaning.NONE),
            flag("--upgrade", 'U'), value("--upgrade-strategy"),
            flag("--force-reinstall"), flag("--ignore-installed", 'I'), flag("--ignore-requires-python"),
            flag("--no-build-isolation"), flag("--use-pep517"), flag("--no-use-pep517"),
            flag("--check-build-dependencies"), flag("--break-system-packages"), value("--config-settings", 'C'),
            value("--global-option"), flag("--compile"), flag("--no-compile"), flag("--no-warn-script-location"),
            flag("--no-warn-conflicts"), value("--no-binary"), value("--only-binary"), flag("--prefer-binary"),
            flag("--require-hashes"), value("--progress-bar"), value("--root-user-action"), value("--report"),
            value("--group"), flag("--no-clean"), value("--build-constraint"),
            new Option(List.of("--dest", "--destination-dir", "--destination-directory"), 'd', true, Meaning.NONE),
            // Not a pip command-line option (pip refuses it outside requirements files); its value is skipped.
            value("--hash"));

    private static final List<Option> UV_GLOBAL = List.of(
            flag("--quiet", 'q'), flag("--verbose", 'v'), value("--color"), flag("--native-tls"), flag("--offline"),
            new Option(List.of("--allow-insecure-host", "--trusted-host"), (char) 0, true, Meaning.TRUSTED_HOST),
            flag("--no-progress"), value("--directory"), value("--project"), value("--config-file"),
            flag("--no-config"), flag("--no-cache", 'n'), value("--cache-dir"), value("--python-preference"),
            flag("--managed-python"), flag("--no-managed-python"), flag("--no-python-downloads"), flag("--preview"),
            flag("--no-preview"), flag("--isolated"), flag("--show-settings"), flag("--help", 'h'),
            flag("--version", 'V'));

    /** Index and resolver options shared by uv's installing commands. */
    private static final List<Option> UV_RESOLVER = List.of(
            new Option(List.of("--index-url", "--default-index"), 'i', true, Meaning.DEFAULT_INDEX),
            meaning("--extra-index-url", (char) 0, Meaning.EXTRA_INDEX),
            meaning("--index", (char) 0, Meaning.INDEX),
            meaning("--find-links", 'f', Meaning.FIND_LINKS),
            new Option(List.of("--no-index"), (char) 0, false, Meaning.NO_INDEX),
            meaning("--index-strategy", (char) 0, Meaning.INDEX_STRATEGY),
            value("--keyring-provider"), flag("--upgrade", 'U'), value("--upgrade-package", 'P'), flag("--reinstall"),
            value("--reinstall-package"), value("--resolution"), value("--prerelease"), flag("--pre"),
            value("--fork-strategy"), value("--exclude-newer"), value("--exclude-newer-package"), flag("--no-sources"),
            value("--link-mode"), new Option(List.of("--compile-bytecode", "--compile"), (char) 0, false, Meaning.NONE),
            flag("--no-compile-bytecode"), flag("--no-build-isolation"), value("--no-build-isolation-package"),
            flag("--no-build"), flag("--build"), value("--no-build-package"), value("--no-binary"),
            value("--no-binary-package"), value("--only-binary"),
            new Option(List.of("--config-setting", "--config-settings"), 'C', true, Meaning.NONE),
            value("--config-settings-package"), value("--python", 'p'), flag("--refresh"), value("--refresh-package"),
            new Option(List.of("--constraints", "--constraint"), 'c', true, Meaning.CONSTRAINTS_FILE),
            new Option(List.of("--overrides", "--override"), (char) 0, true, Meaning.CONSTRAINTS_FILE),
            new Option(List.of("--build-constraints", "--build-constraint"), 'b', true, Meaning.NONE),
            value("--torch-backend"));

    private static final List<Option> UV_PIP_INSTALL_ONLY = List.of(
            new Option(List.of("--requirements", "--requirement"), 'r', true, Meaning.REQUIREMENTS_FILE),
            meaning("--editable", 'e', Meaning.EDITABLE),
            value("--extra"), flag("--all-extras"), value("--group"), flag("--no-deps"),
            flag("--require-hashes"), flag("--no-require-hashes"), flag("--verify-hashes"), flag("--no-verify-hashes"),
            flag("--system"), flag("--no-system"), flag("--break-system-packages"),
            flag("--no-break-system-packages"), value("--target"), value("--prefix"), value("--python-version"),
            value("--python-platform"), flag("--strict"), flag("--no-strict"), flag("--dry-run"), flag("--user"),
            value("--hash"));

    private static final List<Option> UV_ADD_ONLY = List.of(
            new Option(List.of("--requirements", "--requirement"), 'r', true, Meaning.REQUIREMENTS_FILE),
            value("--marker", 'm'), flag("--dev"), value("--optional"), value("--group"), flag("--editable"),
            flag("--no-editable"), new Option(List.of("--raw", "--raw-sources"), (char) 0, false, Meaning.NONE),
            value("--bounds"), value("--rev"), value("--tag"), value("--branch"), flag("--lfs"), value("--extra"),
            flag("--no-sync"), flag("--locked"), flag("--frozen"), flag("--active"), value("--package"),
            value("--script"), flag("--workspace"), flag("--no-workspace"), flag("--no-install-project"));

    private static final List<Option> UV_TOOL_INSTALL_ONLY = List.of(
            meaning("--with", 'w', Meaning.REQUIREMENT),
            meaning("--with-requirements", (char) 0, Meaning.REQUIREMENTS_FILE),
            meaning("--with-editable", (char) 0, Meaning.EDITABLE),
            value("--with-executables-from"), flag("--editable", 'e'), flag("--force"), value("--from"));

    private static final List<Option> PIPX_INSTALL = List.of(
            flag("--help", 'h'), flag("--quiet", 'q'), flag("--verbose", 'v'), flag("--include-deps"),
            flag("--force", 'f'), value("--suffix"), value("--python"), flag("--fetch-missing-python"),
            flag("--system-site-packages"), meaning("--index-url", 'i', Meaning.DEFAULT_INDEX),
            flag("--editable", 'e'), meaning("--pip-args", (char) 0, Meaning.PIP_ARGS),
            meaning("--preinstall", (char) 0, Meaning.REQUIREMENT), flag("--global"), value("--backend"));

    private static final List<Option> PIP_CONFIG = List.of(
            flag("--global"), flag("--user"), flag("--site"), value("--editor"));

    /** pip's general options, before its subcommand. */
    static final CommandSyntax PIP_GLOBAL = new CommandSyntax(PIP_GENERAL, true);
    /** {@code pip install} and {@code pip download}. */
    static final CommandSyntax PIP_INSTALL = new CommandSyntax(concat(PIP_GENERAL, PIP_INSTALL_ONLY), true);
    /** {@code pip config}. */
    static final CommandSyntax PIP_CONFIG_COMMAND = new CommandSyntax(concat(PIP_GENERAL, PIP_CONFIG), true);
    /** uv's global options, before and after its subcommands. */
    static final CommandSyntax UV = new CommandSyntax(UV_GLOBAL, false);
    /** {@code uv pip install}. */
    static final CommandSyntax UV_PIP_INSTALL = new CommandSyntax(
            concat(UV_GLOBAL, UV_RESOLVER, UV_PIP_INSTALL_ONLY), false);
    /** {@code uv add}. */
    static final CommandSyntax UV_ADD = new CommandSyntax(concat(UV_GLOBAL, UV_RESOLVER, UV_ADD_ONLY), false);
    /** {@code uv tool install}. */
    static final CommandSyntax UV_TOOL_INSTALL = new CommandSyntax(
            concat(UV_GLOBAL, UV_RESOLVER, UV_TOOL_INSTALL_ONLY), false);
    /** {@code pipx install}. */
    static final CommandSyntax PIPX = new CommandSyntax(PIPX_INSTALL, true);

    @SafeVarargs
    private static List<Option> concat(List<Option>... lists) {
        List<Option> all = new ArrayList<>();
        for (List<Option> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static Option flag(String name) {
        return new Option(List.of(name), (char) 0, false, Meaning.NONE);
    }

    private static Option flag(String name, char shortName) {
        return new Option(List.of(name), shortName, false, Meaning.NONE);
    }

    private static Option value(String name) {
        return new Option(List.of(name), (char) 0, true, Meaning.NONE);
    }

    private static Option value(String name, char shortName) {
        return new Option(List.of(name), shortName, true, Meaning.NONE);
    }

    private static Option meaning(String name, char shortName, Meaning meaning) {
        return new Option(List.of(name), shortName, true, meaning);
    }
}
