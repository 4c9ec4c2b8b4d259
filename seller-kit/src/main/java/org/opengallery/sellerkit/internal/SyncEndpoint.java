package org.opengallery.sellerkit.internal;

import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.cipher.ClientSecretCipher;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.sync.AllOrgSyncRequest;
import org.opengallery.protocol.message.sync.ApplicationSyncRequest;
import org.opengallery.protocol.message.sync.AuthSyncRequest;
import org.opengallery.protocol.message.sync.SingleOrgSyncRequest;
import org.opengallery.protocol.message.sync.SyncInterface;
import org.opengallery.protocol.message.sync.SyncRequest;
import org.opengallery.protocol.message.sync.TenantSyncRequest;
import org.opengallery.protocol.v2.SignatureScheme;
import org.opengallery.protocol.v2.SignatureVerifier;
import org.opengallery.sellerkit.ApplicationSync;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;

/**
 * The joint-operation sync interfaces under {@code /produceAPI/v2/}: header signature ({@code x-sign}, either
 * documented variant), the body parsed per interface, {@code clientSecret} decrypted, then the seller's
 * {@code JointOperationSync} handler.
 */
public final class SyncEndpoint {

    private final KitSettings settings;
    private final Answers answers;
    private final SignatureVerifier verifier;

    public SyncEndpoint(KitSettings settings) {
        this.settings = settings;
        this.answers = new Answers(null);
        this.verifier = settings.kitKey() == null ? null
                : SignatureVerifier.forScheme(SignatureScheme.KIT, settings.kitKey()).clock(settings.clock())
                        .window(settings.timeWindow()).nonceGuard(settings.nonceGuard()).build();
    }

    public KitResponse handle(KitRequest request, SyncInterface target) {
        if (verifier == null) {
            return answers.result(ResultCode.Known.AUTHENTICATION_FAILED, "joint-operation sync is not configured");
        }
        SyncRequest parsed;
        try {
            verifier.verify(request.header("x-sign").orElse(null), request.header("x-timestamp").orElse(null),
                    request.header("x-nonce").orElse(null), request.body());
            parsed = target.parse(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (VerificationException e) {
            return answers.result(ResultCode.of(e.resultCode()), e.getMessage());
        } catch (InvalidMessageException e) {
            return answers.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        if (settings.sync() == null) {
            return answers.result(ResultCode.Known.INTERNAL_ERROR, target.interfaceName() + " is not supported by this seller");
        }
        String subject = "instance " + parsed.instanceId();
        SyncEntity entity = SyncEntity.of(parsed);
        if (entity != null && entity.alreadyInTargetState(settings.store())) {
            // A repeated add of what exists, or a delete of what is gone: succeed without bothering the seller.
            return answers.success();
        }
        Outcome outcome;
        if (parsed instanceof ApplicationSyncRequest r) {
            String secret;
            try {
                secret = r.clientSecret() == null || r.clientSecret().isEmpty() || settings.syncPrivateKey() == null
                        ? r.clientSecret() : ClientSecretCipher.decrypt(r.clientSecret(), settings.syncPrivateKey());
            } catch (ProtocolException e) {
                return answers.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
            }
            outcome = SellerCalls.call(target.interfaceName(), subject,
                    () -> settings.sync().applicationSync(new ApplicationSync(r, secret)));
        } else if (parsed instanceof TenantSyncRequest r) {
            outcome = SellerCalls.call(target.interfaceName(), subject, () -> settings.sync().tenantSync(r));
        } else if (parsed instanceof AuthSyncRequest r) {
            outcome = SellerCalls.call(target.interfaceName(), subject, () -> settings.sync().authSync(r));
        } else if (parsed instanceof SingleOrgSyncRequest r) {
            outcome = SellerCalls.call(target.interfaceName(), subject, () -> settings.sync().singleOrgSync(r));
        } else {
            AllOrgSyncRequest r = (AllOrgSyncRequest) parsed;
            outcome = SellerCalls.call(target.interfaceName(), subject, () -> settings.sync().allOrgSync(r));
        }
        if (entity != null && outcome.code().isSuccess()) {
            entity.record(settings.store(), settings.clock().instant());
        }
        return answers.result(outcome.code(), outcome.message());
    }
}
