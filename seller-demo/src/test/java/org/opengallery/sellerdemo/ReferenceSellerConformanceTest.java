package org.opengallery.sellerdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengallery.conformance.CheckSettings;
import org.opengallery.conformance.ConformanceCheck;
import org.opengallery.conformance.MockOpenApi;
import org.opengallery.conformance.Protocol;
import org.opengallery.conformance.Report;
import org.opengallery.conformance.Summary;
import org.opengallery.protocol.apig.AccessKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conformance checker plays KooGallery against the reference seller: every V2 and V1 case must pass. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + SellerDemoApplication.CONFIG_NAME,
                "opengallery.seller.access-key=conformance-key", "opengallery.seller.encrypt-type=1"})
class ReferenceSellerConformanceTest {

    static final MockOpenApi OPEN_API = NotesSaasTest.startOpenApi("conformance-key");

    @DynamicPropertySource
    static void openApi(DynamicPropertyRegistry registry) {
        registry.add("opengallery.seller.open-api.base-url", () -> OPEN_API.baseUrl().toString());
        registry.add("opengallery.seller.open-api.ak", () -> "DEMO-AK");
        registry.add("opengallery.seller.open-api.sk", () -> "DEMO-SK");
        registry.add("seller-demo.jdbc-url", () -> "jdbc:h2:mem:conformance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        OPEN_API.close();
    }

    @LocalServerPort
    int port;

    String check(Protocol protocol, Summary[] summary) {
        StringWriter out = new StringWriter();
        CheckSettings settings = CheckSettings.of(URI.create("http://127.0.0.1:" + port + "/saasproduce"), "conformance-key")
                .withProtocol(protocol).withProvisioningTimeout(Duration.ofSeconds(20));
        summary[0] = new ConformanceCheck(settings, OPEN_API).run(new Report(new PrintWriter(out, true)));
        return out.toString();
    }

    @Test
    void theReferenceSellerPassesEveryV2Case() {
        Summary[] summary = new Summary[1];
        String output = check(Protocol.V2, summary);
        assertThat(summary[0].failed()).as(output).isZero();
        assertThat(summary[0].passed()).isGreaterThan(20);
    }

    @Test
    void theReferenceSellerPassesEveryV1Case() {
        Summary[] summary = new Summary[1];
        String output = check(Protocol.V1, summary);
        assertThat(summary[0].failed()).as(output).isZero();
    }
}
