package org.opengallery.sellerkit;

import org.opengallery.protocol.message.sync.AllOrgSyncRequest;
import org.opengallery.protocol.message.sync.AuthSyncRequest;
import org.opengallery.protocol.message.sync.SingleOrgSyncRequest;
import org.opengallery.protocol.message.sync.TenantSyncRequest;

/**
 * What a joint-operation (联营) SaaS seller writes for KooGallery's sync interfaces under
 * {@code /produceAPI/v2/}. The kit has verified the {@code x-sign} header and decrypted the client secret first.
 * Implement the interfaces your product uses; the others answer {@code 000005} "not supported".
 *
 * <p>Handlers should be upserts and delete-if-present: the platform may send an add for what exists and a
 * delete for what is gone, and both must succeed.
 */
public interface JointOperationSync {

    default void tenantSync(TenantSyncRequest request) throws Exception {
        throw new UnsupportedOperationException("tenantSync");
    }

    default void applicationSync(ApplicationSync sync) throws Exception {
        throw new UnsupportedOperationException("applicationSync");
    }

    default void authSync(AuthSyncRequest request) throws Exception {
        throw new UnsupportedOperationException("authSync");
    }

    default void singleOrgSync(SingleOrgSyncRequest request) throws Exception {
        throw new UnsupportedOperationException("singleOrgSync");
    }

    default void allOrgSync(AllOrgSyncRequest request) throws Exception {
        throw new UnsupportedOperationException("allOrgSync");
    }
}
