package org.opengallery.conformance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the checker in-process against a seller and reads what it printed. */
final class Checking {

    static final String KEY = "conformance-test-access-key";
    static final String AK = "CONFORMANCETESTAK0001";
    static final String SK = "conformance-test-secret-key";
    /** Short, so a seller that never delivers costs a test seconds, not the default half minute. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /** The seller's app-credential key pair: 2048 bits to keep tests fast (KooGallery asks for 3072). */
    static final KeyPair KIT_KEYS = rsaKeyPair();

    private Checking() {
    }

    /** What one run printed, and its counts. */
    record Result(String output, Summary summary) {

        List<String> lines() {
            return output.lines().toList();
        }

        /** The names of the failed cases. */
        Set<String> failedCases() {
            return lines().stream().filter(l -> l.startsWith("FAIL "))
                    .map(l -> l.substring(5, l.indexOf(':')))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        /** The report line of a case. */
        String lineOf(String caseName) {
            return lines().stream().filter(l -> l.matches("(PASS|FAIL|SKIP) " + java.util.regex.Pattern.quote(caseName) + "(:.*)?"))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for " + caseName + " in\n" + output));
        }
    }

    static Result check(CheckSettings settings, MockOpenApi openApi) {
        StringWriter out = new StringWriter();
        Summary summary = new ConformanceCheck(settings.withProvisioningTimeout(PATIENCE), openApi)
                .run(new Report(new PrintWriter(out, true)));
        return new Result(out.toString(), summary);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
