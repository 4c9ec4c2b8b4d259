package org.opengallery.conformance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengallery.protocol.message.instance.AppInfo;
import org.opengallery.protocol.message.instance.InstanceInfo;
import org.opengallery.protocol.message.instance.NewInstanceResponse;
import org.opengallery.protocol.message.instance.QueryInstanceResponse;

/** The judgements V1 and V2 share about create and query answers. */
final class InstanceAnswers {

    static final String SUCCESS = "000000";
    static final String AUTHENTICATION_FAILED = "000001";
    static final String INVALID_PARAMETER = "000002";
    static final String INSTANCE_NOT_FOUND = "000003";
    static final String IN_PROGRESS = "000004";

    private InstanceAnswers() {
    }

    /** The create answer accepted the order (HTTP 200, 000000 or 000004) and names its instance. */
    static NewInstanceResponse created(SellerAnswer answer) {
        answer.expectAccepted(SUCCESS, IN_PROGRESS);
        NewInstanceResponse created = answer.read(NewInstanceResponse.class);
        if (created.instanceId() == null || created.instanceId().isBlank()) {
            throw new CaseFailure(answer.request() + " answered " + created.resultCode().code() + " without an instanceId");
        }
        return created;
    }

    /** The appInfo a query answer gives for one instance, if it has a frontEndUrl. */
    static Optional<AppInfo> appInfoOf(QueryInstanceResponse answer, String instanceId) {
        List<InstanceInfo> info = answer.info() == null ? List.of() : answer.info();
        return info.stream()
                .filter(Objects::nonNull)
                .filter(i -> instanceId.equals(i.instanceId()))
                .map(InstanceInfo::appInfo)
                .filter(a -> a != null && a.frontEndUrl() != null && !a.frontEndUrl().isBlank())
                .findFirst();
    }

    /** Fails unless the query answer gives the instance's appInfo with a frontEndUrl. */
    static void requireAppInfo(QueryInstanceResponse answer, String instanceId, String request) {
        if (appInfoOf(answer, instanceId).isEmpty()) {
            throw new CaseFailure(request + " answered no appInfo with a frontEndUrl for instance " + instanceId);
        }
    }

    /**
     * One poll of a new instance: its appInfo, or why not yet; gives up on answers that are neither. An instance
     * still being provisioned (the create answered 000004) may not be known yet (000003); one the create reported
     * provisioned (000000) must be.
     */
    static Patience.Attempt<AppInfo> provisioned(SellerAnswer answer, String instanceId, boolean stillProvisioning) {
        String code = answer.resultCode();
        if (code.equals(SUCCESS)) {
            return appInfoOf(answer.read(QueryInstanceResponse.class), instanceId)
                    .<Patience.Attempt<AppInfo>>map(Patience.Attempt::done)
                    .orElseGet(() -> Patience.Attempt.notYet("000000 without appInfo.frontEndUrl for " + instanceId));
        }
        if (code.equals(IN_PROGRESS) || (code.equals(INSTANCE_NOT_FOUND) && stillProvisioning)) {
            return Patience.Attempt.notYet(answer.describe());
        }
        throw new CaseFailure("queryInstance for the new instance " + instanceId + " answered " + answer.describe()
                + (stillProvisioning ? "" : ", though the create answered it provisioned (000000)"));
    }
}
