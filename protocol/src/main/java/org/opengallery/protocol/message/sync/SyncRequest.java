package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.TestFlag;
import org.opengallery.protocol.message.internal.Fields;
import org.opengallery.protocol.time.ProtocolTime;

/**
 * A kit sync request body. Sealed: the set of records is closed. {@code instanceId} (and tenant sync's
 * {@code orderId}) are empty when the seller is applying for an app credential, so they are never required.
 */
public sealed interface SyncRequest extends Message
        permits TenantSyncRequest, ApplicationSyncRequest, AuthSyncRequest, SingleOrgSyncRequest, AllOrgSyncRequest {

    /** Which interface (sub-path) this body belongs to. */
    SyncInterface syncInterface();

    /** The instance, or null/empty for credential-application tests. */
    String instanceId();

    /** The buyer's enterprise (tenant) id. */
    String tenantId();

    /** {@code testFlag}, written as the integer {@code 0}/{@code 1}; absent is production. */
    @JsonSerialize(using = TestFlag.AsNumber.class)
    TestFlag testFlag();

    /** {@code timeStamp}, {@code yyyyMMddHHmmssSSS} in UTC+8. */
    String timeStamp();

    /** Whether this is a debug call. */
    @JsonIgnore
    default boolean isDebug() {
        return TestFlag.isDebug(testFlag());
    }

    /**
     * When the platform sent the request, from {@code timeStamp} read as UTC+8 ({@link
     * ProtocolTime#KIT_SYNC_ZONE}); empty if absent.
     *
     * @throws org.opengallery.protocol.message.InvalidMessageException if it is malformed
     */
    default Optional<Instant> sentAt() {
        return Optional.ofNullable(Fields.time("timeStamp", timeStamp(), ProtocolTime::parseKitTimeStamp));
    }
}
