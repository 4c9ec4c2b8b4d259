package org.opengallery.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengallery.conformance.SmallSeller;

class CheckCommandTest {

    static final String KEY = "check-command-test-key";
    static final String AK = "CHECKCOMMANDTESTAK";
    static final String SK = "check-command-test-sk";

    @BeforeAll
    static void answerWithoutNagleDelays() {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    @Test
    void aFaithfulSellerPassesEveryCaseLineByLineAndExitsZero() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).start()) {
            Cli cli = Cli.run("check", seller.productionUrl().toString(), "--access-key", KEY, "--timeout-seconds", "5");

            List<String> lines = cli.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("PASS create");
            assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.matches("PASS [a-z0-9-]+(: .*)?"));
            assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
            assertThat(cli.err()).isEmpty();
            assertThat(cli.exitCode()).isZero();
            assertThat(cli.out()).doesNotContain(KEY);
        }
    }

    @Test
    void aFailedCaseIsNamedWithItsReasonAndExitsOne() throws Exception {
        try (SmallSeller seller = SmallSeller.withKey(KEY).flaw(SmallSeller.Flaw.FAILS_SECOND_RELEASE).start()) {
            Cli cli = Cli.run("check", seller.productionUrl().toString(), "--access-key", KEY, "--protocol", "V1");

            assertThat(cli.out()).contains("\nFAIL v1-release-again: the second releaseInstance answered 000003");
            assertThat(cli.out().lines().toList()).last().asString().matches("\\d+ passed, 1 failed");
            assertThat(cli.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void withTheMockAndTheKitKeyEveryKindOfCasePasses(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = dir.resolve("kit-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        int port = freePort();
        try (SmallSeller seller = SmallSeller.withKey(KEY).openApi(URI.create("http://127.0.0.1:" + port), AK, SK)
                .kitPrivateKey(keys.getPrivate()).start()) {
            Cli cli = Cli.run("check", seller.productionUrl().toString(), "--access-key", KEY, "--kit",
                    "--kit-public-key", pem.toString(), "--open-api-port", String.valueOf(port), "--ak", AK, "--sk", SK);

            assertThat(cli.out()).contains("PASS create\n", "PASS upgrade\n", "PASS kit-application-sync-add\n");
            assertThat(cli.out().lines().toList()).last().asString().matches("\\d+ passed, 0 failed");
            assertThat(cli.exitCode()).as(cli.out()).isZero();
            assertThat(cli.out()).doesNotContain(SK);
        }
    }

    @Test
    void badInputExitsTwoWithOneLineOnStderr(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        String url = "http://127.0.0.1:1/saasproduce";
        List<List<String>> badInputs = List.of(
                List.of("check", url),
                List.of("check", "ftp://isv.example/saasproduce", "--access-key", KEY),
                List.of("check", "http://isv example/", "--access-key", KEY),
                List.of("check", url, "--access-key", KEY, "--protocol", "v3"),
                List.of("check", url, "--access-key", KEY, "--open-api-port", "9090"),
                List.of("check", url, "--access-key", KEY, "--ak", AK, "--sk", SK),
                List.of("check", url, "--access-key", KEY, "--open-api-port", "70000", "--ak", AK, "--sk", SK),
                List.of("check", url, "--access-key", KEY, "--kit-public-key", notAKey.toString()),
                List.of("check", url, "--access-key", KEY, "--kit", "--kit-public-key", notAKey.toString()),
                List.of("check", url, "--access-key", KEY, "--timeout-seconds", "0"));
        for (List<String> args : badInputs) {
            Cli cli = Cli.run(args.toArray(String[]::new));

            assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(cli.out()).as(String.join(" ", args)).isEmpty();
            assertThat(cli.oneLineOfError()).as(cli.err()).isTrue();
            assertThat(cli.err()).startsWith("opengallery check: ");
        }
    }

    @Test
    void aPortTheMockCannotServeOnIsBadInput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("check", "http://127.0.0.1:1/saasproduce", "--access-key", KEY,
                    "--open-api-port", String.valueOf(taken.getLocalPort()), "--ak", AK, "--sk", SK);

            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).contains("cannot serve the mock open API on 127.0.0.1:" + taken.getLocalPort());
            assertThat(cli.oneLineOfError()).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
