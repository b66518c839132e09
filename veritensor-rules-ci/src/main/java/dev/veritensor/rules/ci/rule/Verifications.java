package dev.veritensor.rules.ci.rule;

import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.shell.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands that verify a file's integrity: checksum checks ({@code sha256sum -c},
 * {@code shasum -a 256 -c}, a computed hash compared in a test or a pipe) and signature checks
 * ({@code gpg --verify}, {@code gpgv}, {@code cosign verify-blob}, {@code minisign -V},
 * {@code openssl dgst -verify}, {@code ssh-keygen -Y verify}, {@code slsa-verifier},
 * {@code gh attestation verify}). MD5 and SHA-1 are not integrity checks against an attacker and
 * do not count.
 */
final class Verifications {

    /**
     * A verification.
     *
     * @param listCheck whether it checks every file a checksum list names ({@code sha256sum -c SUMS}),
     *                  which this analysis cannot see
     * @param mentions  the words the verification names (files, signatures, echoed checksum lines)
     */
    record Verification(boolean listCheck, List<String> mentions) {

        /** Whether this verification covers a file called {@code target}. */
        boolean covers(String target) {
            if (listCheck) {
                return true;
            }
            return !target.isEmpty() && mentions.stream().anyMatch(m -> m.contains(target));
        }
    }

    private static final Set<String> CHECKSUMS = Set.of("sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum",
            "shasum", "cksum", "b3sum", "rhash");

    private Verifications() {
    }

    /**
     * The verification {@code command} performs.
     *
     * @param compared whether the command's output is compared (it is piped onward or runs inside
     *                 a substitution), which makes a plain checksum computation a check
     * @param context  other words of the pipeline around the command ({@code echo "<sum>  file"})
     */
    static Optional<Verification> of(SimpleCommand command, boolean compared, List<Word> context) {
        Optional<Invocation> found = Invocation.of(command);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invocation inv = found.get();
        List<Word> args = inv.arguments();
        List<String> mentions = new ArrayList<>();
        args.forEach(w -> mentions.add(w.text()));
        context.forEach(w -> mentions.add(w.text()));
        inv.command().redirects().forEach(r -> {
            r.target().ifPresent(t -> mentions.add(t.text()));
            r.body().ifPresent(mentions::add);
        });
        String tool = inv.tool();
        if (CHECKSUMS.contains(tool)) {
            if (tool.equals("shasum") && !strongShasum(args)) {
                return Optional.empty();
            }
            boolean check = args.stream().anyMatch(w -> w.text().equals("--check")
                    || (w.text().startsWith("-") && !w.text().startsWith("--") && w.text().indexOf('c') > 0));
            if (check) {
                boolean fileList = args.stream().anyMatch(w -> !w.isOption() && !w.text().equals("-")
                        && !isShasumAlgorithm(args, w));
                return Optional.of(new Verification(fileList, mentions));
            }
            return compared ? Optional.of(new Verification(false, mentions)) : Optional.empty();
        }
        boolean signature = switch (tool) {
            case "gpg", "gpg2" -> args.stream().anyMatch(w -> w.text().equals("--verify"));
            case "gpgv", "gpgv2", "slsa-verifier", "sigstore" -> true;
            case "cosign" -> !args.isEmpty() && args.get(0).text().startsWith("verify");
            case "minisign", "signify" -> args.stream().anyMatch(w -> w.text().equals("-V"));
            case "openssl" -> args.stream().anyMatch(w -> w.text().equals("-verify"));
            case "ssh-keygen" -> inv.startsWith("-Y", "verify");
            case "gh" -> inv.startsWith("attestation", "verify");
            default -> false;
        };
        return signature ? Optional.of(new Verification(false, mentions)) : Optional.empty();
    }

    private static boolean strongShasum(List<Word> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            String t = args.get(i).text();
            if (t.equals("-a") || t.equals("--algorithm")) {
                String a = args.get(i + 1).text();
                return !a.equals("1");
            }
            if (t.startsWith("--algorithm=")) {
                return !t.endsWith("=1");
            }
        }
        return false;
    }

    private static boolean isShasumAlgorithm(List<Word> args, Word w) {
        int i = args.indexOf(w);
        return i > 0 && (args.get(i - 1).text().equals("-a") || args.get(i - 1).text().equals("--algorithm"));
    }
}
