package org.opengallery.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengallery.protocol.PlusSign;
import org.opengallery.protocol.QueryString;
import org.opengallery.protocol.QueryString.Parameter;
import org.opengallery.protocol.v1.AuthToken;
import org.opengallery.protocol.v1.BodySign;
import org.opengallery.protocol.v2.SignatureScheme;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Computes the signatures of KooGallery's protocol by hand, to debug an integration. */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        description = "Compute a protocol signature and print exactly its value.",
        subcommands = {
            SignCommand.V1.class,
            SignCommand.Body.class,
            SignCommand.V2.class,
            SignCommand.Kit.class,
            SignCommand.Usage.class,
            ApigSignCommand.class})
final class SignCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose what to sign: v1, body, v2, kit, usage or apig");
    }

    static int print(CommandSpec spec, String value) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(value);
        out.flush();
        return 0;
    }

    static void requireMillis(CommandSpec spec, String option, String value) {
        if (!value.matches("\\d{1,19}")) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be a UNIX time in milliseconds, got '" + value + "'");
        }
    }

    @Command(name = "v1", mixinStandardHelpOptions = true,
            description = {"The V1 authToken: Base64(HMAC-SHA256(Key + timeStamp, sorted name=value&...)).",
                "Parameters from --param are used as given; a --url query is percent-decoded once ('+' is a space)"
                        + " and its authToken ignored. timeStamp must be among them."})
    static final class V1 implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The seller's V1 Key.")
        String key;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--param", paramLabel = "NAME=VALUE", required = true,
                    description = "A request parameter, value as the seller receives it after one decoding.")
            List<String> params;

            @Option(names = "--url", paramLabel = "URL", required = true, description = "A request URL as sent.")
            String url;
        }

        @Override
        public Integer call() {
            List<Parameter> parameters = new ArrayList<>();
            if (source.url != null) {
                parameters.addAll(QueryString.parse(QueryString.rawQueryOf(source.url), PlusSign.SPACE).parameters());
            } else {
                for (String p : source.params) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new ParameterException(spec.commandLine(),
                                "--param must be NAME=VALUE, got '" + p + "'");
                    }
                    parameters.add(new Parameter(p.substring(0, eq), p.substring(eq + 1)));
                }
            }
            return print(spec, AuthToken.compute(key, parameters));
        }
    }

    @Command(name = "body", mixinStandardHelpOptions = true,
            description = "The V1 Body-Sign header value over the exact body bytes: "
                    + "sign_type=\"HMAC-SHA256\", signature= \"<Base64(HMAC-SHA256(Key, body))>\".")
    static final class Body implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The seller's V1 Key.")
        String key;

        @ArgGroup(exclusive = true, multiplicity = "1")
        BodyInput body;

        @Override
        public Integer call() {
            return print(spec, BodySign.sign(key, body.bytes()).headerValue());
        }
    }

    /** The three V2 timestamp-and-nonce signatures share their options; only the scheme differs. */
    abstract static class Timestamped implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "The access key bound to the interface type.")
        String key;

        @Option(names = "--nonce", required = true, description = "The request's nonce.")
        String nonce;

        @ArgGroup(exclusive = true, multiplicity = "1")
        BodyInput body;

        abstract SignatureScheme scheme();

        abstract String timestamp();

        abstract String timestampOption();

        @Override
        public Integer call() {
            requireMillis(spec, timestampOption(), timestamp());
            return print(spec, scheme().sign(key, timestamp(), nonce, body.bytes()));
        }
    }

    /** The basic-interface and kit signatures take their time as {@code --timestamp}. */
    abstract static class WithTimestamp extends Timestamped {
        @Option(names = "--timestamp", required = true, paramLabel = "MS", description = "UNIX time in ms.")
        String timestamp;

        @Override
        String timestamp() {
            return timestamp;
        }

        @Override
        String timestampOption() {
            return "--timestamp";
        }
    }

    @Command(name = "v2", mixinStandardHelpOptions = true,
            description = {"The V2 basic-interface URL signature, upper-case hex:",
                "hex(HMAC(key, key + nonce + timestamp + lowerhex(HMAC(key, canonical body)))).",
                "The body is the request JSON as sent; the canonical payload (top-level keys sorted, nulls dropped,"
                        + " compact) is built here."})
    static final class V2 extends WithTimestamp {
        @Override
        SignatureScheme scheme() {
            return SignatureScheme.URL;
        }
    }

    @Command(name = "kit", mixinStandardHelpOptions = true,
            description = {"The joint-operation sync x-sign header value (documented inner-HMAC form), upper-case hex.",
                "The body is the request JSON as sent; the canonical payload is built here."})
    static final class Kit extends WithTimestamp {
        @Override
        SignatureScheme scheme() {
            return SignatureScheme.KIT;
        }
    }

    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = "The usage-push signature header: Base64(HMAC(key, \"ts={ts}&nonce={nonce}&body={body}\"))"
                    + " over the body exactly as sent.")
    static final class Usage extends Timestamped {
        @Option(names = "--ts", required = true, paramLabel = "MS", description = "UNIX time in ms.")
        String ts;

        @Override
        SignatureScheme scheme() {
            return SignatureScheme.USAGE;
        }

        @Override
        String timestamp() {
            return ts;
        }

        @Override
        String timestampOption() {
            return "--ts";
        }
    }
}
