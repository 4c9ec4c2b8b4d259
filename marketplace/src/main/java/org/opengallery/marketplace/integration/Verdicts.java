package org.opengallery.marketplace.integration;

import org.opengallery.marketplace.delivery.InterfaceDebugger.BodySignVerdict;
import org.opengallery.marketplace.delivery.InterfaceDebugger.DebugResult;
import org.opengallery.marketplace.delivery.SellerEndpoint.InterfaceVersion;
import org.opengallery.protocol.message.ResultCode;

/**
 * Judges one debug exchange: passed, or the one reason it did not, worded for the seller (what is wrong, what to
 * do). Body-Sign: V1 answers must be signed (protocol-v1.md §3); V2 answers are judged as production delivery
 * judges them (signature not required, but a wrong one is wrong), except in address verification, which demands it.
 */
final class Verdicts {

    static final String AUTHENTICATION_FAILED = ResultCode.Known.AUTHENTICATION_FAILED.code();

    /** A judgement: passed or not, and the sentence saying so. */
    record Judgement(boolean passed, String verdict) {
        static Judgement pass(String verdict) {
            return new Judgement(true, verdict);
        }

        static Judgement fail(String verdict) {
            return new Judgement(false, verdict);
        }
    }

    private Verdicts() {}

    /** Whether the exchange passes the scenario: the seller accepted the signed request and did what was asked. */
    static Judgement scenario(Scenario scenario, InterfaceVersion version, DebugResult r) {
        String activity = scenario.activity(version);
        Judgement answered = answered(r, version == InterfaceVersion.V1, activity);
        if (answered != null) {
            return answered;
        }
        String code = r.resultCode();
        boolean ok = switch (scenario) {
            case NEW_INSTANCE -> ("000000".equals(code) || "000004".equals(code));
            // Releasing an instance that is already gone is a release done (as production delivery reads it).
            case RELEASE -> "000000".equals(code) || "000003".equals(code);
            default -> "000000".equals(code);
        };
        if (!ok) {
            return Judgement.fail(activity + " answered " + describe(code, r.resultMsg())
                    + "; a debug request must succeed (000000)");
        }
        if (scenario == Scenario.NEW_INSTANCE && (r.instanceId() == null || r.instanceId().isBlank())) {
            return Judgement.fail("newInstance answered " + code + " without an instanceId; return the instance's id");
        }
        return Judgement.pass(activity + " answered " + describe(code, r.resultMsg()));
    }

    /**
     * Verification, first probe: a request correctly signed must be accepted (any resultCode but 000001) and
     * answered with a valid Body-Sign, in both versions.
     */
    static Judgement signedProbe(DebugResult r) {
        Judgement answered = answered(r, true, "queryInstance");
        return answered != null ? answered : Judgement.pass("accepted a correctly signed request and signed its answer");
    }

    /** Verification, second probe: a request signed with a wrong key must be refused with 000001 (or HTTP 401/403). */
    static Judgement wronglySignedProbe(DebugResult r) {
        if (r.transportError() != null) {
            return Judgement.fail("a request signed with a wrong key got no answer: " + r.transportError());
        }
        int status = r.response().status();
        if (status == 401 || status == 403 || AUTHENTICATION_FAILED.equals(r.resultCode())) {
            return Judgement.pass("refused a request signed with a wrong key");
        }
        return Judgement.fail("the address accepted a request signed with a wrong key (it answered "
                + (r.resultCode() == null ? "HTTP " + status : describe(r.resultCode(), r.resultMsg()))
                + "): it must check every request's signature and answer 000001 when it does not match");
    }

    /** Null when a protocol answer arrived, signed as required; else the failure. */
    private static Judgement answered(DebugResult r, boolean bodySignRequired, String activity) {
        if (r.transportError() != null) {
            return Judgement.fail(r.transportError());
        }
        int status = r.response().status();
        if (status < 200 || status > 299) {
            return Judgement.fail("HTTP " + status + " from the production interface; it must answer 200 with the "
                    + "protocol's JSON");
        }
        if (AUTHENTICATION_FAILED.equals(r.resultCode())) {
            return Judgement.fail(activity + " was refused with 000001 (authentication failed): the production "
                    + "interface checks the signature with another key than the one bound to this address; configure "
                    + "it with the key shown on the keys page");
        }
        BodySignVerdict sign = r.bodySign();
        if (sign == BodySignVerdict.MISSING && bodySignRequired) {
            return Judgement.fail("the answer has no Body-Sign header; sign every answer: Body-Sign: "
                    + "sign_type=\"HMAC-SHA256\", signature=\"<Base64(HMAC-SHA256(key, body))>\"");
        }
        if (sign == BodySignVerdict.INVALID) {
            return Judgement.fail("the answer's Body-Sign does not match its body: it was signed with another key "
                    + "than the one bound to this address, or the body was changed after signing");
        }
        if (sign == BodySignVerdict.MALFORMED) {
            return Judgement.fail("the answer's Body-Sign header is malformed; expected sign_type=\"HMAC-SHA256\", "
                    + "signature=\"<Base64>\"");
        }
        if (r.resultCode() == null) {
            return Judgement.fail("the answer has no resultCode: it is not the protocol's JSON");
        }
        return null;
    }

    private static String describe(String code, String message) {
        ResultCode known = ResultCode.of(code);
        return code + " (" + known.english() + ")" + (message == null || message.isBlank() ? ""
                : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message));
    }
}
