package org.opengallery.protocol.v2;

import java.nio.charset.StandardCharsets;

/**
 * The example requests of protocol-v2.md, byte for byte. The spec never publishes the access key behind its
 * example signatures, so those cannot be reproduced; the known-answer vectors below use the key
 * {@link #KEY} with the examples' bodies, timestamps and nonces, and were computed independently with openssl.
 */
final class SpecExamples {

    static final String KEY = "test-access-key";

    static final String NEW_INSTANCE_URL = "https://www.isvwebsite.com/saasproduce?signature="
            + "11C4CD6279191DE931DEF5C51531DFFA9D37969F4E356B8A3A6D8DE4FB357A48&timestamp=1680508066618&nonce="
            + "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
    static final String NEW_INSTANCE_BODY = "{\"activity\":\"newInstance\",\"businessId\":"
            + "\"87b94795-0603-4e24-8ae5-69420d60e3c8\",\"orderId\":\"CS2211181819B4LVS\",\"orderLineId\":"
            + "\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}";
    static final String NEW_INSTANCE_TIMESTAMP = "1680508066618";
    static final String NEW_INSTANCE_NONCE = "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
    /**
     * inner=$(printf %s "$BODY" | openssl dgst -sha256 -hmac "$KEY" -hex);
     * printf %s "$KEY$NONCE$TS$inner" | openssl dgst -sha256 -hmac "$KEY" -hex (upper-cased).
     */
    static final String NEW_INSTANCE_SIGNATURE_UNDER_KEY =
            "271544ACDAC82601D0A6615631C4DB54120D5EA32FC968493C8064281E125C7A";

    static final String REFRESH_INSTANCE_URL = "https://www.isvwebsite.com/saasproduce?signature="
            + "3F6E6652B7BE26B27ABFC3D11214D04BFD8D2CF8AC21603D85620174FE8DE062&timestamp=1680509496350&nonce="
            + "8BF8496A350E37BDB0E8956D39D433ED417C3FC9459DCFFE7F03BFBF69B12085";
    static final String REFRESH_INSTANCE_BODY = "{\"activity\":\"refreshInstance\",\"expireTime\":"
            + "\"20221124023618256\",\"instanceId\":\"10e758d0-31ad-4c4b-8f1b-81d03469a10e\",\"orderId\":"
            + "\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"productId\":"
            + "\"OFFI461867333479178240\",\"scene\":\"RENEWAL\",\"testFlag\":\"1\"}";

    /** The other examples give signature and timestamp only (no nonce); their bodies and signatures. */
    static final String[][] BODY_SIGNATURE_TIMESTAMP = {
        {"{\"activity\":\"queryInstance\",\"instanceId\":\"10e758d0-31ad-4c4b-8f1b-81d03469a10e\",\"testFlag\":\"0\"}",
            "9C61F188C3C2889C2DD201B00E42041BDCE4751F31E35805DE412969F0A7829C", "1680508237508"},
        {"{\"activity\":\"updateInstanceStatus\",\"instanceId\":\"10e758d0-31ad-4c4b-8f1b-81d03469a10e\","
            + "\"status\":\"FREEZE\",\"testFlag\":\"1\"}",
            "95DD9FA6A8C660C9C7F9CFDE97C42535290919BCA3F78B9A254428A692CDF26E", "1680509558159"},
        {"{\"activity\":\"releaseInstance\",\"instanceId\":\"10e758d0-31ad-4c4b-8f1b-81d03469a10e\",\"orderId\":"
            + "\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}",
            "C4E5F264C92F737DEBECB8D27D84684F38BF01D2917880202B59027CEEFC4932", "1680509885590"},
        {"{\"activity\":\"upgradeInstance\",\"instanceId\":\"10e758d0-31ad-4c4b-8f1b-81d03469a10e\",\"orderId\":"
            + "\"CS2211181819B4LVS\",\"orderLineId\":\"CS2211181819B4LVS-000001\",\"testFlag\":\"1\"}",
            "9D49F9BF09D69F7A98B847978D6091A9ADF3B40E07AF95FEE9E5BEF5218DA407", "1680510876429"},
    };

    /** The tenantSync example body, as sent (keys in the sender's order, integers as numbers). */
    static final String TENANT_SYNC_BODY = "{\"instanceId\":\"huaiweitest123456\",\"orderId\":\"CS1906666666ABCDE\","
            + "\"tenantId\":\"68cbc86****************880d92f36422fa0e\",\"tenantCode\":\"huawei\",\"name\":"
            + "\"huaiweitest\",\"domainName\":\"https://example.tenantaccount.com\",\"flag\":1,\"testFlag\":0,"
            + "\"timeStamp\":\"20220413093539534\"}";
    /** Its canonical payload: top-level keys sorted, numbers kept as numbers. */
    static final String TENANT_SYNC_CANONICAL = "{\"domainName\":\"https://example.tenantaccount.com\",\"flag\":1,"
            + "\"instanceId\":\"huaiweitest123456\",\"name\":\"huaiweitest\",\"orderId\":\"CS1906666666ABCDE\","
            + "\"tenantCode\":\"huawei\",\"tenantId\":\"68cbc86****************880d92f36422fa0e\",\"testFlag\":0,"
            + "\"timeStamp\":\"20220413093539534\"}";
    static final String TENANT_SYNC_TIMESTAMP = "1680508066618";
    static final String TENANT_SYNC_NONCE = "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
    /** x-sign in the documented inner-HMAC form under {@link #KEY} (openssl, as above). */
    static final String TENANT_SYNC_SIGN_INNER = "E8C8D3CBD375F8BB2F65D2D7F58DDF42016CFA1038783A3AC74E4CB584B9837A";
    /** x-sign in the sample's form without the inner HMAC: hex(HMAC(key, key + nonce + ts + payload)). */
    static final String TENANT_SYNC_SIGN_SAMPLE = "858b3cabef9bb7a0c560efd0156aee96e670eccc73466bbf4441dbb855eb4e6f";

    /** The usage-push example, completed with usage_value and metering_sn (the spec elides them). */
    static final String USAGE_BODY = "{\"usage_records\":[{\"instance_id\":\"7f141bf1-aec8-4859-8323-fb3a8ad50721\","
            + "\"record_time\":\"20220809T091000Z\",\"begin_time\":\"20220809T080000Z\",\"end_time\":"
            + "\"20220809T090000Z\",\"usage_value\":\"1.5\",\"metering_sn\":\"sn-0001\"}]}";
    static final String USAGE_TS = "1709690865879";
    static final String USAGE_NONCE = "6c63c221-1f6b-4141-8ff4-22f5dfe82b65";
    /** printf %s "ts=$TS&nonce=$NONCE&body=$BODY" | openssl dgst -sha256 -hmac "$KEY" -binary | base64 */
    static final String USAGE_SIGNATURE = "0hyyRT0TCV3gH6Mnc4K2n6f58Dp1EAY/zJrhtWLtd2M=";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private SpecExamples() {
    }
}
