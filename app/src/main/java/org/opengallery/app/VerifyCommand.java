package org.opengallery.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.v1.AuthTokenVerifier;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Checks a request the way a seller's production interface must, and says why it fails. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify a request's signature: prints \"valid\", or \"invalid: <reason>\" and exits 1.",
        subcommands = {VerifyCommand.V1.class, VerifyCommand.V2.class})
final class VerifyCommand implements Runnable {

    /** Exit code of a request that does not verify. */
    static final int INVALID = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose what to verify: v1 or v2");
    }

    static int verdict(CommandSpec spec, Runnable verification) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            verification.run();
            out.println("valid");
            return 0;
        } catch (VerificationException e) {
            out.println("invalid: " + OpenGallery.oneLine(e));
            return INVALID;
        } finally {
            out.flush();
        }
    }

    @Command(name = "v1", mixinStandardHelpOptions = true,
            description = {"Verify a V1 GET request URL's authToken.",
                "The query is decoded once with '+' as a space; if that fails, '+' is also tried as a plus."})
    static final class V1 implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The seller's V1 Key.")
        String key;

        @Option(names = "--url", required = true, description = "The request URL as received.")
        String url;

        @Override
        public Integer call() {
            AuthTokenVerifier verifier = AuthTokenVerifier.forKey(key);
            return verdict(spec, () -> verifier.verifyQuery(QueryString.rawQueryOf(url)));
        }
    }

    @Command(name = "v2", mixinStandardHelpOptions = true,
            description = {"Verify a V2 basic-interface request: signature, timestamp and nonce from the URL, the body"
                    + " as received.", "The timestamp must be within 60 s of now unless --no-time-check is given."})
    static final class V2 implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The access key bound to the basic interfaces.")
        String key;

        @Option(names = "--url", required = true, description = "The request URL as received.")
        String url;

        @ArgGroup(exclusive = true, multiplicity = "1")
        BodyInput body;

        @Option(names = "--no-time-check", description = "Skip the 60-second window (for a recorded request).")
        boolean noTimeCheck;

        @Override
        public Integer call() {
            SignatureVerifier.Builder builder = SignatureVerifier.forScheme(SignatureScheme.URL, key);
            if (noTimeCheck) {
                builder.withoutTimeCheck();
            }
            SignatureVerifier verifier = builder.build();
            byte[] bytes = body.bytes();
            return verdict(spec, () -> verifier.verifyQuery(QueryString.rawQueryOf(url), bytes));
        }
    }
}
