package org.opengallery.marketplace.delivery;

import java.time.Instant;

/**
 * One row of 生产接口消息 as the seller sees it: the call, its 异常信息 ({@code lastError}), the request as sent
 * (no signature, no key) and the last answer (passwords masked).
 */
public record ProductionInterfaceMessage(
        long callId, String activity, String orderId, String orderLineId, String instanceId, String url,
        String interfaceVersion, CallStatus status, int attempts, int polls, Instant nextAttemptAt, Instant deadlineAt,
        String lastError, String request, String lastResponse, Instant createdAt, Instant updatedAt) {

    static ProductionInterfaceMessage of(CallRow c) {
        return new ProductionInterfaceMessage(c.id(), c.activity().wireName(), c.orderId(), c.orderLineId(),
                c.instanceId(), c.url(), c.version().name(), c.status(), c.attempts(), c.polls(),
                c.status() == CallStatus.FAILED || c.status() == CallStatus.PENDING ? c.nextAttemptAt() : null,
                c.deadlineAt(), c.lastError(), c.request(), c.lastResponse(), c.createdAt(), c.updatedAt());
    }
}
