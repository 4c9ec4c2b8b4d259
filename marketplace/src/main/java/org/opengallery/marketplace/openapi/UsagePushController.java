package org.opengallery.marketplace.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengallery.marketplace.metering.MeteredInstance;
import org.opengallery.marketplace.metering.MeteringService;
import org.opengallery.marketplace.metering.UsageRejection;
import org.opengallery.protocol.InvalidSignatureException;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.usage.UsageErrorCode;
import org.opengallery.protocol.message.usage.UsagePushRequest;
import org.opengallery.protocol.message.usage.UsagePushResponse;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.time.InvalidTimeException;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.protocol.v2.NonceReplayGuard;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Pay-per-use usage push (按需使用量推送(新)), {@code POST /api/mkp-openapi-public/global/v1/isv/usage-data},
 * headers {@code signature}/{@code ts}/{@code nonce} ({@link SignatureScheme#USAGE}).
 *
 * <p>The request does not name the seller, so the seller is found through the records' instances: each seller
 * owning one of them is a candidate, and the one whose key bound to the basic interfaces verifies the signature
 * is the pusher. Checks, in order, each with its {@code MKT.*} code and the spec's HTTP status:
 * <ol>
 *   <li>{@code signature}, {@code ts}, {@code nonce} present (400 {@code MKT.0101}); {@code ts} a number of
 *       milliseconds within the window of now, 5 minutes by default (500 {@code MKT.0100});
 *   <li>the body a JSON object with exactly {@code usage_records}, a non-empty list of objects (400
 *       {@code MKT.0101}); at most 1000 records (500 {@code MKT.9003});
 *   <li>at least one record names an existing instance (500 {@code MKT.9001}); the signature verifies with a key
 *       of one of their sellers (400 {@code MKT.0102}); the nonce is new (400 {@code MKT.0199});
 *   <li>no record begins more than 21 days ago (500 {@code MKT.9004}, nothing stored);
 *   <li>per record ({@link MeteringService#intake}): the accepted are stored and charged; if any is refused the
 *       answer is 500 {@code MKT.9002} listing each refused record in {@code error_records} ({@code index},
 *       {@code metering_sn}, {@code instance_id}, {@code error_code} 001…013, {@code error_msg}) — the records
 *       not listed were accepted;
 *   <li>all accepted (retries of already accepted records included): 200 {@code MKT.0000}.
 * </ol>
 * Anything unexpected, or the ports not implemented yet: 500 {@code MKT.0999} (the seller kit retries it).
 */
@Controller
public class UsagePushController {

    public static final String PATH = "/api/mkp-openapi-public/global/v1/isv/usage-data";
    private static final Logger LOG = LoggerFactory.getLogger(UsagePushController.class);
    private static final ObjectMapper JSON = ProtocolJson.mapper();
    private static final SignatureScheme SCHEME = SignatureScheme.USAGE;

    private final MeteringService metering;
    private final NonceReplayGuard nonces;
    private final Clock clock;
    private final Duration tsWindow;

    public UsagePushController(MeteringService metering, JdbcNonceReplayGuard nonces, Clock clock,
            @Value("${opengallery.openapi.usage.ts-window:PT5M}") Duration tsWindow) {
        this.metering = metering;
        this.nonces = nonces;
        this.clock = clock;
        this.tsWindow = tsWindow;
    }

    @PostMapping(PATH)
    public ResponseEntity<byte[]> push(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        try {
            return handle(request, body == null ? new byte[0] : body);
        } catch (RuntimeException e) {
            LOG.error("usage push failed: {}", e.toString());
            return answer(UsageErrorCode.Known.SYSTEM_ERROR, "system internal error", null);
        }
    }

    private ResponseEntity<byte[]> handle(HttpServletRequest request, byte[] body) {
        String signature = request.getHeader(SCHEME.signatureName());
        String ts = request.getHeader(SCHEME.timestampName());
        String nonce = request.getHeader(SCHEME.nonceName());
        for (String[] header : new String[][] {{"signature", signature}, {"ts", ts}, {"nonce", nonce}}) {
            if (header[1] == null || header[1].isEmpty()) {
                return answer(UsageErrorCode.Known.INVALID_PARAMETER, "header " + header[0] + " is missing", null);
            }
        }
        if (nonce.length() > 64) {
            return answer(UsageErrorCode.Known.PARAMETER_CHECK_FAILED, "nonce is longer than 64 characters", null);
        }
        Instant at;
        try {
            at = Instant.ofEpochMilli(Long.parseLong(ts));
        } catch (NumberFormatException e) {
            return answer(UsageErrorCode.Known.PARAMETER_CHECK_FAILED, "ts is not a UNIX time in milliseconds", null);
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(tsWindow) > 0) {
            return answer(UsageErrorCode.Known.PARAMETER_CHECK_FAILED,
                    "ts is more than " + tsWindow.toSeconds() + " s away from the server time", null);
        }

        List<UsageRecord> records;
        try {
            records = parse(body);
        } catch (BadBody e) {
            return answer(UsageErrorCode.Known.INVALID_PARAMETER, e.getMessage(), null);
        }
        if (records.size() > UsagePushRequest.MAX_RECORDS) {
            return answer(UsageErrorCode.Known.TOO_MANY_RECORDS, records.size() + " records; at most "
                    + UsagePushRequest.MAX_RECORDS + " per push", null);
        }

        Set<String> instanceIds = new LinkedHashSet<>();
        records.forEach(r -> instanceIds.add(r.instanceId()));
        Map<String, MeteredInstance> known = metering.instances(instanceIds);
        if (known.isEmpty()) {
            return answer(UsageErrorCode.Known.INSTANCE_NOT_FOUND, "none of the records' instances exists", null);
        }
        String sellerId = signer(known, signature, ts, nonce, body);
        if (sellerId == null) {
            return answer(UsageErrorCode.Known.INVALID_BODY_SIGN,
                    "the signature does not verify with the key bound to the basic interfaces of the seller of "
                            + "these instances", null);
        }
        if (!nonces.firstUse(nonce, at.plus(tsWindow))) {
            return answer(UsageErrorCode.Known.REQUEST_PARAMETER_ERROR, "nonce already used", null);
        }

        Instant earliest = now.minus(metering.maxRecordAge());
        for (int i = 0; i < records.size(); i++) {
            Instant begin = parseOrNull(records.get(i).beginTime());
            if (begin != null && begin.isBefore(earliest)) {
                return answer(UsageErrorCode.Known.BEGIN_TIME_OUT_OF_RANGE, "usage_records[" + i
                        + "].begin_time is more than " + metering.maxRecordAge().toDays() + " days ago", null);
            }
        }

        List<UsageRejection> rejections = metering.intake(sellerId, records, known);
        if (rejections.isEmpty()) {
            return answer(UsageErrorCode.Known.SUCCESS, "success", null);
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (UsageRejection r : rejections) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", r.index());
            item.put("metering_sn", r.meteringSn());
            item.put("instance_id", r.instanceId());
            item.put("error_code", r.code().code());
            item.put("error_msg", r.message());
            listed.add(item);
        }
        return answer(UsageErrorCode.Known.INVALID_USAGE_ENTITIES, rejections.size() + " of " + records.size()
                + " records refused (listed in error_records); the others were accepted", listed);
    }

    /** The seller, among the instances' owners, whose basic-interface key verifies the signature; null if none. */
    private String signer(Map<String, MeteredInstance> known, String signature, String ts, String nonce,
            byte[] body) {
        Map<String, List<String>> keysBySeller = new LinkedHashMap<>();
        for (MeteredInstance instance : known.values()) {
            keysBySeller.computeIfAbsent(instance.sellerId(), s -> new ArrayList<>());
            for (String key : instance.sellerBasicKeys()) {
                List<String> keys = keysBySeller.get(instance.sellerId());
                if (key != null && !key.isEmpty() && !keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        for (Map.Entry<String, List<String>> seller : keysBySeller.entrySet()) {
            for (String key : seller.getValue()) {
                SignatureVerifier verifier = SignatureVerifier.forScheme(SCHEME, key).withoutTimeCheck().build();
                try {
                    verifier.verify(signature, ts, nonce, body);
                    return seller.getKey();
                } catch (InvalidSignatureException wrongKey) {
                    // try the next key
                } catch (VerificationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The records, read leniently one by one so that a bad field is that record's error, not the push's. */
    private static List<UsageRecord> parse(byte[] body) throws BadBody {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadBody("the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadBody("the body is not a JSON object");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("usage_records")) {
                throw new BadBody("undefined parameter " + name);
            }
        }
        JsonNode list = tree.get("usage_records");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadBody("usage_records is missing or empty");
        }
        List<UsageRecord> records = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw new BadBody("usage_records[" + i + "] is not an object");
            }
            records.add(new UsageRecord(text(node, "instance_id"), text(node, "record_time"),
                    text(node, "begin_time"), text(node, "end_time"), decimal(node.get("usage_value")),
                    text(node, "metering_sn"), text(node, "relate_pkg_instance"), Map.of()));
        }
        return records;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A JSON number or numeric string; null (a bad usage value, 003) for anything else. */
    private static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant parseOrNull(String time) {
        try {
            return ProtocolTime.parseIsoBasic(time);
        } catch (InvalidTimeException e) {
            return null;
        }
    }

    private static ResponseEntity<byte[]> answer(UsageErrorCode.Known code, String message,
            List<Map<String, Object>> errorRecords) {
        Map<String, Object> extra = errorRecords == null ? Map.of() : Map.of("error_records", errorRecords);
        return ResponseEntity.status(code.httpStatus().orElse(500)).contentType(MediaType.APPLICATION_JSON)
                .body(ProtocolJson.writeBytes(new UsagePushResponse(code, message, extra)));
    }

    private static final class BadBody extends Exception {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }
}
