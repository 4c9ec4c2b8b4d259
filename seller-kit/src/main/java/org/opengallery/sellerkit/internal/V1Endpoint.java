package org.opengallery.sellerkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opengallery.protocol.ProtocolException;
import org.opengallery.protocol.VerificationException;
import org.opengallery.protocol.cipher.CredentialCipher;
import org.opengallery.protocol.cipher.CredentialCipherException;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;
import org.opengallery.protocol.message.ResultCode;
import org.opengallery.protocol.message.ResultResponse;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.InstanceStatusChange;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;
import org.opengallery.protocol.message.v1.LicenseResponse;
import org.opengallery.protocol.message.v1.SaasExtendParams;
import org.opengallery.protocol.message.v1.V1ExpireInstanceRequest;
import org.opengallery.protocol.message.v1.V1GetLicenseRequest;
import org.opengallery.protocol.message.v1.V1InstanceStatusRequest;
import org.opengallery.protocol.message.v1.V1NewInstanceRequest;
import org.opengallery.protocol.message.v1.V1QueryInstanceRequest;
import org.opengallery.protocol.message.v1.V1RefreshInstanceRequest;
import org.opengallery.protocol.message.v1.V1ReleaseInstanceRequest;
import org.opengallery.protocol.message.v1.V1Request;
import org.opengallery.protocol.message.v1.V1UpgradeRequest;
import org.opengallery.protocol.message.v2.RefreshScene;
import org.opengallery.protocol.v1.AuthTokenVerifier;
import org.opengallery.sellerkit.Buyer;
import org.opengallery.sellerkit.InstanceRefresh;
import org.opengallery.sellerkit.InstanceRelease;
import org.opengallery.sellerkit.InstanceStatusUpdate;
import org.opengallery.sellerkit.InstanceUpgrade;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.NewInstance;
import org.opengallery.sellerkit.store.InstanceRecord;
import org.opengallery.sellerkit.store.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The V1 interfaces: GET with {@code authToken} (or the POST form with the token in a header), every answer
 * signed with {@code Body-Sign}, credentials encrypted with the product's encryptType and the buyer's phone and
 * e-mail decrypted before seller code sees them. License products' {@code getLicense} is a create whose
 * delivery is a licence code.
 */
public final class V1Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(V1Endpoint.class);

    private final KitSettings settings;
    private final Provisioner provisioner;
    private final Lifecycle lifecycle;
    private final Answers answers;
    private final AuthTokenVerifier verifier;
    private final CredentialCipher cipher;

    public V1Endpoint(KitSettings settings, Provisioner provisioner, Lifecycle lifecycle) {
        this.settings = settings;
        this.provisioner = provisioner;
        this.lifecycle = lifecycle;
        this.answers = new Answers(settings.v1Key());
        this.verifier = settings.v1Key() == null ? null : AuthTokenVerifier.forKey(settings.v1Key());
        this.cipher = settings.v1Key() == null ? null : CredentialCipher.forSellerKey(settings.v1Key(), settings.encryptType());
    }

    public KitResponse handle(KitRequest request) {
        Instant arrived = settings.clock().instant();
        if (verifier == null) {
            return answers.result(ResultCode.Known.AUTHENTICATION_FAILED, "V1 interfaces are not configured");
        }
        V1Request parsed;
        Map<String, String> parameters;
        try {
            parameters = "GET".equalsIgnoreCase(request.method())
                    ? verifier.verifyQuery(request.rawQuery()).asMap()
                    : verifier.verifyJsonBody(request.body(), request.header("authToken").orElse(null));
            parsed = V1Request.from(parameters);
        } catch (VerificationException e) {
            return answers.result(ResultCode.of(e.resultCode()), e.getMessage());
        } catch (InvalidMessageException e) {
            return answers.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        boolean debug = parsed.isDebug();
        Instant deadline = arrived.plus(settings.asyncBudget());
        if (parsed instanceof V1NewInstanceRequest r) {
            return create(false, r.orderId(), r.businessId(), debug, parameters, deadline);
        }
        if (parsed instanceof V1GetLicenseRequest r) {
            return create(true, r.orderId(), r.businessId(), debug, parameters, deadline);
        }
        if (parsed instanceof V1QueryInstanceRequest r) {
            return queryInstance(r);
        }
        if (parsed instanceof V1RefreshInstanceRequest r) {
            Instant expiry;
            try {
                expiry = r.expiry();
            } catch (ProtocolException e) {
                return answers.result(ResultCode.Known.INVALID_PARAMETER, "expireTime: " + e.getMessage());
            }
            return outcome(lifecycle.refresh(new InstanceRefresh(r.instanceId(), RefreshScene.RENEWAL, r.orderId(),
                    null, r.productId(), expiry, debug)));
        }
        if (parsed instanceof V1ExpireInstanceRequest r) {
            return outcome(lifecycle.updateStatus(new InstanceStatusUpdate(r.instanceId(), InstanceStatusChange.FREEZE, debug)));
        }
        if (parsed instanceof V1InstanceStatusRequest r) {
            return outcome(lifecycle.updateStatus(new InstanceStatusUpdate(r.instanceId(), r.instanceStatus(), debug)));
        }
        if (parsed instanceof V1ReleaseInstanceRequest r) {
            return outcome(lifecycle.release(new InstanceRelease(r.instanceId(), r.orderId(), null, debug)));
        }
        V1UpgradeRequest r = (V1UpgradeRequest) parsed;
        return outcome(lifecycle.upgrade(new InstanceUpgrade(r.instanceId(), r.orderId(), null, r.productId(),
                r.skuCode(), debug, null, parameters)));
    }

    /** Rebuilds the seller's view of a stored V1 create, for a resumed provisioning. */
    public Function<String, NewInstance> rebuild(ProvisioningRequest request) {
        return instanceId -> newInstance(instanceId, request.license(), request.debug(), request.v1Parameters());
    }

    private KitResponse create(boolean license, String orderId, String businessId, boolean debug,
                               Map<String, String> parameters, Instant deadline) {
        // Decrypt once up front so a value that cannot be decrypted is refused before anything is recorded.
        try {
            newInstance(businessId, license, debug, parameters);
        } catch (ProtocolException e) {
            return answers.result(ResultCode.Known.INVALID_PARAMETER, e.getMessage());
        }
        String key = (license ? "license:" : "create:") + orderId;
        ProvisioningRequest stored = new ProvisioningRequest("v1", license, orderId, null, businessId, debug, parameters);
        Delivery delivery = provisioner.provision(key, businessId, stored,
                instanceId -> newInstance(instanceId, license, debug, parameters), deadline);
        if (delivery instanceof Delivery.Delivered d) {
            if (license) {
                return answers.json(LicenseResponse.issued(d.license()));
            }
            try {
                return answers.json(NewInstanceResponse.created(d.instanceId(), encrypted(d.appInfo()),
                        settings.encryptType()));
            } catch (CredentialCipherException e) {
                LOG.error("the credentials of instance {} do not fit KooGallery's field: {}", d.instanceId(), e.getMessage());
                return answers.result(ResultCode.Known.INTERNAL_ERROR, "credentials of instance " + d.instanceId()
                        + " cannot be delivered: " + e.getMessage());
            }
        }
        if (delivery instanceof Delivery.Pending p) {
            if (settings.v1AsyncCreate() && !license) {
                return answers.json(NewInstanceResponse.inProgress(p.instanceId()));
            }
            // V1 platforms expect a synchronous answer: make them retry; the retry joins the running work.
            return answers.result(ResultCode.Known.INTERNAL_ERROR,
                    "provisioning of order " + orderId + " is still running; retry");
        }
        Delivery.Refused refused = (Delivery.Refused) delivery;
        return license ? answers.json(LicenseResponse.failed(refused.code(), refused.message()))
                : answers.json(NewInstanceResponse.failed(refused.code(), refused.message()));
    }

    private NewInstance newInstance(String instanceId, boolean license, boolean debug, Map<String, String> p) {
        Buyer buyer = new Buyer(p.get("customerId"), p.get("customerName"), p.get("userId"), p.get("userName"),
                decrypt("mobilePhone", p.get("mobilePhone")), decrypt("email", p.get("email")));
        Map<String, String> extend = new LinkedHashMap<>();
        String encodedExtend = p.get("saasExtendParams");
        if (encodedExtend != null && !encodedExtend.isEmpty()) {
            SaasExtendParams.decode(encodedExtend).params().forEach(e -> extend.put(e.name(),
                    e.value() == null ? null : e.value().isTextual() ? e.value().asText() : e.value().toString()));
        }
        Instant expiry = null;
        String expireTime = p.get("expireTime");
        if (expireTime != null && !expireTime.isEmpty()) {
            expiry = org.opengallery.protocol.time.ProtocolTime.parseDateTime(expireTime);
        }
        return new NewInstance(instanceId, p.get("orderId"), null, p.get("businessId"), p.get("productId"),
                p.get("skuCode"), p.get("chargingMode"), p.get("periodType"), integer(p.get("periodNumber")), expiry,
                "1".equals(p.get("trialFlag")), buyer, extend, debug, null, p);
    }

    private String decrypt(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            return cipher.decrypt(value);
        } catch (CredentialCipherException e) {
            throw new CredentialCipherException(e.reason(), field + " cannot be decrypted: " + e.getMessage());
        }
    }

    private AppInfo encrypted(AppInfo plain) {
        if (plain == null) {
            return null;
        }
        return new AppInfo(plain.frontEndUrl(), plain.adminUrl(),
                plain.userName() == null ? null : cipher.encryptCredential(plain.userName()),
                plain.password() == null ? null : cipher.encryptCredential(plain.password()),
                plain.memo(), plain.extra());
    }

    private KitResponse queryInstance(V1QueryInstanceRequest r) {
        List<InstanceInfo> info = new ArrayList<>();
        for (String id : r.instanceIds()) {
            Optional<InstanceRecord> instance = settings.store().instance(id);
            if (instance.isPresent() && (instance.get().state() == InstanceState.ACTIVE
                    || instance.get().state() == InstanceState.FROZEN)) {
                String json = instance.get().appInfoJson();
                try {
                    info.add(new InstanceInfo(id, json == null ? null : encrypted(ProtocolJson.read(json, AppInfo.class))));
                } catch (CredentialCipherException e) {
                    return answers.result(ResultCode.Known.INTERNAL_ERROR, "credentials of instance " + id
                            + " cannot be delivered: " + e.getMessage());
                }
            }
        }
        if (info.isEmpty()) {
            boolean provisioning = r.instanceIds().stream().map(settings.store()::instance)
                    .anyMatch(i -> i.isPresent() && i.get().state() == InstanceState.PROVISIONING);
            return provisioning
                    ? answers.json(QueryInstanceResponse.failed(ResultCode.Known.IN_PROGRESS, "instance is being provisioned"))
                    : answers.json(QueryInstanceResponse.failed(ResultCode.Known.INSTANCE_NOT_FOUND,
                            "no such instance: " + r.instanceId()));
        }
        return answers.json(QueryInstanceResponse.of(info, settings.encryptType()));
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isEmpty() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private KitResponse outcome(Outcome outcome) {
        return answers.json(new ResultResponse(outcome.code(), outcome.message()));
    }
}
