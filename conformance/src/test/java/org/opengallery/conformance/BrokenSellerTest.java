package org.opengallery.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengallery.conformance.Checking.AK;
import static org.opengallery.conformance.Checking.KEY;
import static org.opengallery.conformance.Checking.KIT_KEYS;
import static org.opengallery.conformance.Checking.SK;
import static org.opengallery.conformance.Checking.check;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengallery.conformance.Checking.Result;
import org.opengallery.conformance.SmallSeller.Flaw;
import org.opengallery.protocol.apig.AccessKeys;

/**
 * Each deliberate mistake fails exactly the cases that check its rule, and the run exits 1. The expected lists
 * are exact, so a case that starts failing for the wrong reason (or stops catching its mistake) shows here.
 */
class BrokenSellerTest {

    static Stream<Arguments> flaws() {
        return Stream.of(
                // It skips verification altogether, so the time window and the nonce guard go with it.
                Arguments.of(Flaw.IGNORES_SIGNATURE, Protocol.V2, List.of("reject-wrong-signature",
                        "reject-wrong-signature-release", "reject-missing-signature", "reject-stale-timestamp",
                        "reject-replayed-nonce", "kit-reject-wrong-signature", "kit-reject-stale-timestamp",
                        "kit-reject-replayed-nonce")),
                Arguments.of(Flaw.IGNORES_SIGNATURE, Protocol.V1, List.of("v1-reject-wrong-token",
                        "v1-reject-missing-token", "kit-reject-wrong-signature", "kit-reject-stale-timestamp",
                        "kit-reject-replayed-nonce")),
                Arguments.of(Flaw.IGNORES_TIMESTAMP_WINDOW, Protocol.V2, List.of("reject-stale-timestamp",
                        "kit-reject-stale-timestamp")),
                Arguments.of(Flaw.NO_NONCE_GUARD, Protocol.V2, List.of("reject-replayed-nonce",
                        "kit-reject-replayed-nonce")),
                Arguments.of(Flaw.NEW_INSTANCE_ON_RETRY, Protocol.V2, List.of("create-again-same-instance",
                        "create-concurrent-one-instance")),
                Arguments.of(Flaw.NEW_INSTANCE_ON_RETRY, Protocol.V1, List.of("v1-create-again-same-instance",
                        "v1-create-concurrent-one-instance")),
                Arguments.of(Flaw.RACY_CREATE, Protocol.V2, List.of("create-concurrent-one-instance")),
                Arguments.of(Flaw.RACY_CREATE, Protocol.V1, List.of("v1-create-concurrent-one-instance")),
                Arguments.of(Flaw.FAILS_SECOND_RELEASE, Protocol.V2, List.of("release-again")),
                Arguments.of(Flaw.FAILS_SECOND_RELEASE, Protocol.V1, List.of("v1-release-again")),
                Arguments.of(Flaw.ANSWERS_500_ON_UNKNOWN_ACTIVITY, Protocol.V2, List.of("reject-unknown-activity")),
                Arguments.of(Flaw.ANSWERS_500_ON_UNKNOWN_ACTIVITY, Protocol.V1, List.of("v1-reject-unknown-activity")),
                Arguments.of(Flaw.V1_NO_BODY_SIGN, Protocol.V1, List.of("v1-body-sign")),
                Arguments.of(Flaw.V1_PLAIN_CREDENTIALS, Protocol.V1, List.of("v1-credentials-decrypt")),
                Arguments.of(Flaw.V1_WRONG_KEY_SIZE, Protocol.V1, List.of("v1-credentials-decrypt")),
                Arguments.of(Flaw.APPLIES_BEFORE_VERIFYING, Protocol.V2, List.of("reject-wrong-signature",
                        "reject-wrong-signature-release", "reject-stale-timestamp")),
                Arguments.of(Flaw.APPLIES_BEFORE_VERIFYING, Protocol.V1, List.of("v1-reject-wrong-token")));
    }

    @ParameterizedTest(name = "{0} ({1}) fails {2}")
    @MethodSource("flaws")
    void aBrokenSellerFailsTheCasesOfTheRuleItBreaks(Flaw flaw, Protocol protocol, List<String> expected)
            throws Exception {
        try (MockOpenApi openApi = MockOpenApi.start(0, AccessKeys.of(AK, SK), KEY);
                SmallSeller seller = SmallSeller.withKey(KEY).flaw(flaw).openApi(openApi.baseUrl(), AK, SK)
                        .kitPrivateKey(KIT_KEYS.getPrivate()).start()) {
            CheckSettings settings = CheckSettings.of(seller.productionUrl(), KEY).withProtocol(protocol)
                    .withKit(SellerPublicKey.of(KIT_KEYS.getPublic()));
            Result result = check(settings, openApi);

            assertThat(result.failedCases()).as(result.output()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(result.summary().exitCode()).isEqualTo(1);
            assertThat(result.lines()).last().asString().endsWith(" passed, " + expected.size() + " failed");
        }
    }
}
