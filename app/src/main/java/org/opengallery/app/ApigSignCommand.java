package org.opengallery.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengallery.protocol.apig.ApigRequest;
import org.opengallery.protocol.apig.ApigSigner;
import org.opengallery.protocol.apig.SdkDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Signs an open-API request with AK/SK, as a seller calling Query Order or usage push must. */
@Command(name = "apig", mixinStandardHelpOptions = true,
        description = {"The API-gateway AK/SK Authorization header value (SDK-HMAC-SHA256).",
            "Signs Host (from the URL), X-Sdk-Date (--date) and each --header; the body defaults to empty."})
final class ApigSignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ak", required = true, description = "The access key id.")
    String accessKey;

    @Option(names = "--sk", required = true, description = "The secret access key.")
    String secretKey;

    @Option(names = "--method", required = true, description = "The HTTP method, e.g. GET or POST.")
    String method;

    @Option(names = "--url", required = true, description = "The full request URL, with its query.")
    String url;

    @Option(names = "--date", required = true, paramLabel = "yyyyMMddTHHmmssZ", description = "X-Sdk-Date, UTC.")
    String date;

    @Option(names = "--header", paramLabel = "'Name: value'", description = "An extra header to sign.")
    List<String> headers = List.of();

    @ArgGroup(exclusive = true)
    BodyInput body;

    @Override
    public Integer call() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--url is not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--url needs a scheme and host, got '" + url + "'");
        }
        ApigRequest.Builder request = ApigRequest.builder(method, uri).body(BodyInput.bytesOrEmpty(body));
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(spec.commandLine(), "--header must be 'Name: value', got '" + header + "'");
            }
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        return SignCommand.print(spec,
                ApigSigner.of(accessKey, secretKey).sign(request.build(), SdkDate.parse(date)).authorizationHeader());
    }
}
