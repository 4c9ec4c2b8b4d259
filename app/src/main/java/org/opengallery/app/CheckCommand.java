package org.opengallery.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opengallery.conformance.CheckSettings;
import org.opengallery.conformance.ConformanceCheck;
import org.opengallery.conformance.MockOpenApi;
import org.opengallery.conformance.Protocol;
import org.opengallery.conformance.Report;
import org.opengallery.conformance.SellerPublicKey;
import org.opengallery.protocol.apig.AccessKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Plays KooGallery against a seller's production interface and says, case by case, what it gets wrong. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check a seller's production interface against KooGallery's protocol, like the seller console's"
                + " interface debugging and dial tests.",
            "Prints one line per case as it completes (PASS name, FAIL name: reason, SKIP name: why) and"
                    + " 'N passed, M failed'; exits 0 when nothing failed, 1 when a case failed, 2 on bad input.",
            "Cases and what each checks: conformance/README.md."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL",
            description = "The seller's production address, e.g. http://127.0.0.1:8080/saasproduce.")
    String url;

    @Option(names = "--access-key", required = true, paramLabel = "K",
            description = "The key bound to the seller's interfaces (V2 signatures, V1 authToken, Body-Sign and"
                    + " credentials, kit x-sign, usage pushes to the mock).")
    String accessKey;

    @Option(names = "--protocol", paramLabel = "v2|v1", defaultValue = "v2",
            description = "v2 (default): POST JSON signed in the URL; v1: GET with authToken.")
    String protocol;

    @Option(names = "--kit", description = "Also check the joint-operation sync interfaces under /produceAPI/v2/.")
    boolean kit;

    @Option(names = "--kit-public-key", paramLabel = "FILE",
            description = "The seller's app-credential RSA public key (PEM or Base64 X.509), to encrypt"
                    + " applicationSync's clientSecret; without it that case is skipped. Needs --kit.")
    Path kitPublicKey;

    @Option(names = "--open-api-port", paramLabel = "P",
            description = "Serve a mock KooGallery open API (Query Order, usage push) on 127.0.0.1:P for the seller"
                    + " under test, and use fresh order ids it answers. Needs --ak and --sk.")
    Integer openApiPort;

    @Option(names = "--ak", paramLabel = "AK", description = "The access key (AK) the mock's Query Order accepts.")
    String ak;

    @Option(names = "--sk", paramLabel = "SK", description = "The secret key (SK) of --ak.")
    String sk;

    @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "30",
            description = "How long to poll queryInstance for a new instance's appInfo (default 30).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        CheckSettings settings = settings();
        Report report = new Report(spec.commandLine().getOut());
        if (openApiPort == null) {
            return new ConformanceCheck(settings, null).run(report).exitCode();
        }
        // The JDK's HTTP server writes headers and body apart; with Nagle on, every other answer waits ~40 ms.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        try (MockOpenApi openApi = startOpenApi()) {
            return new ConformanceCheck(settings, openApi).run(report).exitCode();
        }
    }

    private CheckSettings settings() {
        if (timeoutSeconds < 1) {
            throw bad("--timeout-seconds must be at least 1, got " + timeoutSeconds);
        }
        if (kitPublicKey != null && !kit) {
            throw bad("--kit-public-key needs --kit");
        }
        if (openApiPort == null && (ak != null || sk != null)) {
            throw bad("--ak and --sk are for the mock open API: give --open-api-port too");
        }
        if (openApiPort != null && (ak == null || ak.isBlank() || sk == null || sk.isEmpty())) {
            throw bad("--open-api-port needs --ak and --sk: the mock's Query Order verifies the seller's AK/SK");
        }
        if (openApiPort != null && (openApiPort < 1 || openApiPort > 65535)) {
            throw bad("--open-api-port must be a port from 1 to 65535, got " + openApiPort);
        }
        try {
            CheckSettings settings = CheckSettings.of(URI.create(url), accessKey)
                    .withProtocol(protocol())
                    .withProvisioningTimeout(Duration.ofSeconds(timeoutSeconds));
            return kit ? settings.withKit(kitPublicKey == null ? null : SellerPublicKey.read(kitPublicKey)) : settings;
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private Protocol protocol() {
        return switch (protocol.toLowerCase(Locale.ROOT)) {
            case "v2" -> Protocol.V2;
            case "v1" -> Protocol.V1;
            default -> throw bad("--protocol must be v2 or v1, got '" + protocol + "'");
        };
    }

    private MockOpenApi startOpenApi() {
        try {
            return MockOpenApi.start(openApiPort, AccessKeys.of(ak, sk), accessKey);
        } catch (IOException e) {
            throw bad("cannot serve the mock open API on 127.0.0.1:" + openApiPort + ": " + e.getMessage());
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
