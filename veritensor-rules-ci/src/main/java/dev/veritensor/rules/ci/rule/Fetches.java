package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.shell.Redirect;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What commands fetch from the network: {@code curl}, {@code wget}, PowerShell's web cmdlets and
 * HTTPie write to standard output or to files; {@code aws s3 cp/sync}, {@code gsutil},
 * {@code gcloud storage}, {@code azcopy}, {@code huggingface-cli download}, {@code hf download},
 * {@code gh release download} and {@code kaggle … download} copy remote objects into the file
 * system. The command-line parsing follows each tool's documented options closely enough to
 * find outputs and operands, including clustered short options ({@code -fsSLo file}).
 */
final class Fetches {

    /**
     * A fetch into the file system.
     *
     * @param tool   the tool, for messages
     * @param target the file or directory name written (last path segment), empty when unknown
     * @param pinned whether the fetched content is fixed by an immutable reference (a commit
     *               revision), so it cannot change under the same command
     */
    record FileFetch(String tool, String target, boolean pinned) {
    }

    private static final String CURL_VALUED = "oOdHuXAeFTxwmbcKrYyzECQtUP";
    private static final Set<String> CURL_UPLOADS = Set.of("-d", "--data", "--data-binary", "--data-raw",
            "--data-urlencode", "--data-ascii", "-F", "--form", "--form-string", "-T", "--upload-file", "--json");
    private static final Set<String> CURL_LONG_VALUED = Set.of("--output", "--header", "--user", "--request",
            "--user-agent", "--referer", "--form", "--upload-file", "--proxy", "--write-out", "--max-time",
            "--cookie", "--cookie-jar", "--config", "--range", "--cert", "--continue-at", "--quote", "--retry",
            "--retry-delay", "--retry-max-time", "--connect-timeout", "--output-dir", "--data", "--data-binary",
            "--data-raw", "--data-urlencode", "--cacert", "--capath", "--key", "--json", "--resolve");
    private static final String WGET_VALUED = "OoPtTUeiwaBDlAQRY";
    private static final Set<String> WGET_LONG_VALUED = Set.of("--output-document", "--output-file",
            "--directory-prefix", "--tries", "--timeout", "--user-agent", "--header", "--execute", "--input-file",
            "--wait", "--append-output", "--base", "--domains", "--level", "--accept", "--reject", "--user",
            "--password", "--http-user", "--http-password");
    private static final Set<String> POWERSHELL_FETCH = Set.of("iwr", "irm", "invoke-webrequest",
            "invoke-restmethod", "curl.exe", "wget.exe");
    private static final Set<String> HTTPIE = Set.of("http", "https", "xh", "xhs");
    private static final Set<String> AWS_FLAGS = Set.of("--recursive", "--quiet", "--no-progress", "--dryrun",
            "--only-show-errors", "--no-sign-request", "--follow-symlinks", "--no-follow-symlinks", "--delete",
            "--exact-timestamps", "--size-only", "--no-guess-mime-type", "--force-glacier-transfer",
            "--ignore-glacier-warnings", "--debug", "--no-verify-ssl", "--no-paginate");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}");

    private Fetches() {
    }

    /** Whether {@code c} writes content it fetches from a URL to standard output. */
    static boolean fetchesToStdout(SimpleCommand c) {
        Optional<Invocation> inv = Invocation.of(c);
        if (inv.isEmpty()) {
            return false;
        }
        String tool = inv.get().tool().toLowerCase(java.util.Locale.ROOT);
        List<Word> args = inv.get().arguments();
        return switch (tool) {
            case "curl" -> {
                Curl curl = Curl.parse(args);
                yield !curl.upload && !curl.urls.isEmpty() && curl.output.map(Fetches::isStdout).orElse(!curl.remoteName)
                        && !writesFile(inv.get().command());
            }
            case "wget" -> {
                Wget wget = Wget.parse(args);
                yield !wget.spider && !wget.urls.isEmpty() && wget.output.filter(Fetches::isStdout).isPresent();
            }
            case "fetch" -> args.stream().anyMatch(w -> w.text().equals("-")) && hasUrl(args);
            default -> (POWERSHELL_FETCH.contains(tool) || HTTPIE.contains(tool)) && hasUrl(args);
        };
    }

    /** The fetch of remote content into the file system that {@code c} performs, if any. */
    static Optional<FileFetch> fetchToFile(SimpleCommand c) {
        Optional<Invocation> found = Invocation.of(c);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invocation inv = found.get();
        List<Word> args = inv.arguments();
        String tool = inv.tool();
        switch (tool) {
            case "curl" -> {
                Curl curl = Curl.parse(args);
                if (curl.upload || curl.urls.isEmpty()) {
                    return Optional.empty();
                }
                Optional<String> redirected = redirectTarget(inv.command());
                if (curl.output.isPresent()) {
                    String out = curl.output.get();
                    if (isStdout(out)) {
                        return redirected.map(t -> new FileFetch("curl", baseName(t), false));
                    }
                    return isDiscard(out) ? Optional.empty() : Optional.of(new FileFetch("curl", baseName(out), false));
                }
                if (curl.remoteName) {
                    return Optional.of(new FileFetch("curl", baseName(curl.urls.get(0)), false));
                }
                return redirected.map(t -> new FileFetch("curl", baseName(t), false));
            }
            case "wget" -> {
                Wget wget = Wget.parse(args);
                if (wget.spider || wget.urls.isEmpty()) {
                    return Optional.empty();
                }
                if (wget.output.isPresent()) {
                    String out = wget.output.get();
                    if (isStdout(out)) {
                        return redirectTarget(inv.command()).map(t -> new FileFetch("wget", baseName(t), false));
                    }
                    return isDiscard(out) ? Optional.empty() : Optional.of(new FileFetch("wget", baseName(out), false));
                }
                return Optional.of(new FileFetch("wget", baseName(wget.urls.get(0)), false));
            }
            case "aws" -> {
                if (args.size() >= 2 && args.get(0).text().equals("s3")
                        && Set.of("cp", "sync", "mv").contains(args.get(1).text())) {
                    return copy("aws s3 " + args.get(1).text(), awsOperands(args.subList(2, args.size())), "s3://");
                }
                return Optional.empty();
            }
            case "gsutil" -> {
                int i = 0;
                while (i < args.size() && args.get(i).isOption()) {
                    i += Set.of("-o", "-h", "-u").contains(args.get(i).text()) ? 2 : 1;
                }
                if (i < args.size() && Set.of("cp", "rsync", "mv").contains(args.get(i).text())) {
                    return copy("gsutil " + args.get(i).text(), operands(args.subList(i + 1, args.size())), "gs://");
                }
                return Optional.empty();
            }
            case "gcloud" -> {
                if (args.size() >= 2 && args.get(0).text().equals("storage")
                        && Set.of("cp", "rsync", "mv").contains(args.get(1).text())) {
                    return copy("gcloud storage " + args.get(1).text(), operands(args.subList(2, args.size())), "gs://");
                }
                return Optional.empty();
            }
            case "azcopy" -> {
                if (!args.isEmpty() && Set.of("copy", "cp", "sync").contains(args.get(0).text())) {
                    return copy("azcopy " + args.get(0).text(), operands(args.subList(1, args.size())), "https://");
                }
                return Optional.empty();
            }
            case "huggingface-cli", "hf" -> {
                if (args.isEmpty() || !args.get(0).text().equals("download")) {
                    return Optional.empty();
                }
                Invocation rest = new Invocation(tool, args.subList(1, args.size()), inv.command());
                Optional<Word> repo = rest.firstOperand(Set.of("--local-dir", "--revision", "--repo-type",
                        "--cache-dir", "--include", "--exclude", "--token", "--max-workers"));
                String target = optionValue(args, "--local-dir").or(() -> repo.map(Word::text)).map(Fetches::baseName)
                        .orElse("");
                boolean pinned = optionValue(args, "--revision").filter(r -> COMMIT.matcher(r).matches()).isPresent();
                return Optional.of(new FileFetch(tool + " download", target, pinned));
            }
            case "gh" -> {
                if (args.size() >= 2 && args.get(0).text().equals("release") && args.get(1).text().equals("download")) {
                    String target = optionValue(args, "-O", "--output").or(() -> optionValue(args, "-p", "--pattern"))
                            .or(() -> optionValue(args, "-D", "--dir")).map(Fetches::baseName).orElse("");
                    return Optional.of(new FileFetch("gh release download", target, false));
                }
                return Optional.empty();
            }
            case "kaggle" -> {
                if (args.size() >= 2 && args.get(1).text().equals("download")) {
                    Optional<Word> name = optionWord(args, "-d", "--dataset", "-c", "--competition", "-m", "--model");
                    String target = optionValue(args, "-p", "--path").or(() -> name.map(Word::text))
                            .map(Fetches::baseName).orElse("");
                    return Optional.of(new FileFetch("kaggle " + args.get(0).text() + " download", target, false));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<FileFetch> copy(String tool, List<Word> operands, String remotePrefix) {
        if (operands.size() < 2) {
            return Optional.empty();
        }
        Word destination = operands.get(operands.size() - 1);
        boolean remoteSource = operands.subList(0, operands.size() - 1).stream()
                .anyMatch(w -> w.text().startsWith(remotePrefix));
        boolean localDestination = !destination.text().contains("://") && !destination.text().equals("-");
        if (!remoteSource || !localDestination) {
            return Optional.empty();
        }
        String target = baseName(destination.text());
        if (target.isEmpty() || target.equals(".")) {
            target = baseName(operands.get(0).text());
        }
        return Optional.of(new FileFetch(tool, target, false));
    }

    private static List<Word> awsOperands(List<Word> args) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            if (w.isOption()) {
                if (!AWS_FLAGS.contains(w.text()) && !w.text().contains("=") && i + 1 < args.size()
                        && !args.get(i + 1).isOption()) {
                    i++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Word> operands(List<Word> args) {
        return args.stream().filter(w -> !w.isOption()).toList();
    }

    private static Optional<String> optionValue(List<Word> args, String... options) {
        return optionWord(args, options).map(Word::text);
    }

    private static Optional<Word> optionWord(List<Word> args, String... options) {
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            for (String o : options) {
                if (t.equals(o) && i + 1 < args.size()) {
                    return Optional.of(args.get(i + 1));
                }
                if (o.startsWith("--") && t.startsWith(o + "=")) {
                    Word w = args.get(i);
                    return Optional.of(new Word(t.substring(o.length() + 1), w.start(), w.end(), w.literal(),
                            w.substitutions()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> redirectTarget(SimpleCommand c) {
        for (Redirect r : c.redirects()) {
            if (r.writesFile() && !r.operator().startsWith("&") && r.target().isPresent()) {
                String t = r.target().get().text();
                if (!isDiscard(t)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean writesFile(SimpleCommand c) {
        return redirectTarget(c).isPresent();
    }

    private static boolean hasUrl(List<Word> args) {
        return args.stream().anyMatch(w -> w.text().contains("://") || (!w.isOption() && !w.literal()));
    }

    private static boolean isStdout(String output) {
        return output.equals("-") || output.equals("/dev/stdout");
    }

    private static boolean isDiscard(String output) {
        return output.equals("/dev/null") || output.equalsIgnoreCase("nul");
    }

    /**
     * The last path segment of a path or URL, without a query string and cut before any glob
     * character ({@code tokenizer.json*} gives {@code tokenizer.json}); {@code ""} for none.
     */
    static String baseName(String path) {
        String p = path;
        for (char glob : new char[] {'*', '?', '['}) {
            int g = p.indexOf(glob);
            if (g >= 0 && !p.contains("://")) {
                p = p.substring(0, g);
            }
        }
        int q = p.indexOf('?');
        if (q >= 0 && p.contains("://")) {
            p = p.substring(0, q);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** The options of a curl command line that matter here. */
    private static final class Curl {
        Optional<String> output = Optional.empty();
        boolean remoteName;
        boolean upload;
        final List<String> urls = new ArrayList<>();

        static Curl parse(List<Word> args) {
            Curl c = new Curl();
            for (int i = 0; i < args.size(); i++) {
                String t = args.get(i).text();
                if (t.startsWith("--")) {
                    String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                    String value = t.contains("=") ? t.substring(t.indexOf('=') + 1)
                            : (CURL_LONG_VALUED.contains(name) && i + 1 < args.size() ? args.get(i + 1).text() : null);
                    if (!t.contains("=") && CURL_LONG_VALUED.contains(name)) {
                        i++;
                    }
                    if (name.equals("--output") && value != null) {
                        c.output = Optional.of(value);
                    } else if (name.equals("--remote-name") || name.equals("--remote-name-all")) {
                        c.remoteName = true;
                    } else if (name.equals("--request") && value != null && !value.equalsIgnoreCase("GET")) {
                        c.upload = true;
                    } else if (name.equals("--url") && value != null) {
                        c.urls.add(value);
                    }
                    if (CURL_UPLOADS.contains(name)) {
                        c.upload = true;
                    }
                } else if (t.startsWith("-") && t.length() > 1) {
                    for (int k = 1; k < t.length(); k++) {
                        char o = t.charAt(k);
                        if (o == 'O') {
                            c.remoteName = true;
                            continue;
                        }
                        if (CURL_VALUED.indexOf(o) >= 0) {
                            String value = k + 1 < t.length() ? t.substring(k + 1)
                                    : (i + 1 < args.size() ? args.get(++i).text() : "");
                            if (o == 'o') {
                                c.output = Optional.of(value);
                            } else if (o == 'd' || o == 'F' || o == 'T') {
                                c.upload = true;
                            } else if (o == 'X' && !value.equalsIgnoreCase("GET")) {
                                c.upload = true;
                            }
                            break;
                        }
                    }
                } else {
                    c.urls.add(t);
                }
            }
            return c;
        }
    }

    /** The options of a wget command line that matter here. */
    private static final class Wget {
        Optional<String> output = Optional.empty();
        boolean spider;
        final List<String> urls = new ArrayList<>();

        static Wget parse(List<Word> args) {
            Wget w = new Wget();
            for (int i = 0; i < args.size(); i++) {
                String t = args.get(i).text();
                if (t.startsWith("--")) {
                    String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                    String value = t.contains("=") ? t.substring(t.indexOf('=') + 1)
                            : (WGET_LONG_VALUED.contains(name) && i + 1 < args.size() ? args.get(i + 1).text() : null);
                    if (!t.contains("=") && WGET_LONG_VALUED.contains(name)) {
                        i++;
                    }
                    if (name.equals("--output-document") && value != null) {
                        w.output = Optional.of(value);
                    } else if (name.equals("--spider")) {
                        w.spider = true;
                    }
                } else if (t.startsWith("-") && t.length() > 1) {
                    for (int k = 1; k < t.length(); k++) {
                        char o = t.charAt(k);
                        if (WGET_VALUED.indexOf(o) >= 0) {
                            String value = k + 1 < t.length() ? t.substring(k + 1)
                                    : (i + 1 < args.size() ? args.get(++i).text() : "");
                            if (o == 'O') {
                                w.output = Optional.of(value);
                            }
                            break;
                        }
                    }
                } else {
                    w.urls.add(t);
                }
            }
            return w;
        }
    }
}
