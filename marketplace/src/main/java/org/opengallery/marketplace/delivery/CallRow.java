package org.opengallery.marketplace.delivery;

import java.time.Instant;
import org.opengallery.protocol.cipher.EncryptType;

/** One row of {@code delivery_call}, as the engine reads it (the key still sealed). */
record CallRow(
        long id, Activity activity, Phase phase, String orderId, String orderLineId, String instanceId,
        long sellerId, String url, SellerEndpoint.InterfaceVersion version, EncryptType encryptType,
        String customerServiceEmail, String sealedKey, String command, String request, int attempts, int polls,
        CallStatus status, Instant nextAttemptAt, Instant deadlineAt, String lastError, String lastResponse,
        boolean failureMailed, boolean restarted, Instant gaveUpAt, Instant succeededAt, Instant createdAt,
        Instant updatedAt) {

    /** A create is first sent ({@code CALL}), then polled with queryInstance until the appInfo arrives. */
    enum Phase { CALL, QUERY }

    CallRow withInstanceId(String id) {
        return new CallRow(this.id, activity, phase, orderId, orderLineId, id, sellerId, url, version, encryptType,
                customerServiceEmail, sealedKey, command, request, attempts, polls, status, nextAttemptAt, deadlineAt,
                lastError, lastResponse, failureMailed, restarted, gaveUpAt, succeededAt, createdAt, updatedAt);
    }

    StoredCommand storedCommand() {
        return StoredCommand.fromJson(command);
    }
}
