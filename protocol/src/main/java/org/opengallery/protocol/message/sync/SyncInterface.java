package org.opengallery.protocol.message.sync;

import java.util.Arrays;
import java.util.List;
import org.opengallery.protocol.message.InvalidMessageException;
import org.opengallery.protocol.message.ProtocolJson;

/** The kit sync interfaces, their sub-paths under the production address, and the body each one carries. */
public enum SyncInterface {
    /** 企业同步: an enterprise bound, renamed or removed. */
    TENANT_SYNC("tenantSync", TenantSyncRequest.class),
    /** 应用同步: the app's OAuth client for a tenant. */
    APPLICATION_SYNC("applicationSync", ApplicationSyncRequest.class),
    /** 用户授权同步: users authorised or de-authorised (asynchronous, up to 500 users per call in V1). */
    AUTH_SYNC("authSync", AuthSyncRequest.class),
    /** 部门增量同步: one department created, changed or deleted. */
    SINGLE_ORG_SYNC("singleOrgSync", SingleOrgSyncRequest.class),
    /** 部门全量同步: the whole department tree. */
    ALL_ORG_SYNC("allOrgSync", AllOrgSyncRequest.class);

    /** The fixed prefix KooGallery appends to the production address. */
    public static final String PATH_PREFIX = "/produceAPI/v2/";

    private final String name;
    private final Class<? extends SyncRequest> requestType;

    SyncInterface(String name, Class<? extends SyncRequest> requestType) {
        this.name = name;
        this.requestType = requestType;
    }

    /** The interface name, e.g. {@code tenantSync}. */
    public String interfaceName() {
        return name;
    }

    /** The sub-path, e.g. {@code /produceAPI/v2/tenantSync}. */
    public String path() {
        return PATH_PREFIX + name;
    }

    /** The record this interface's body is read into. */
    public Class<? extends SyncRequest> requestType() {
        return requestType;
    }

    /**
     * The interface a request path ends with (the production address may have its own path in front; a
     * trailing slash and a query string are ignored).
     *
     * @throws InvalidMessageException if the path names no kit sync interface
     */
    public static SyncInterface fromPath(String path) {
        String clean = path == null ? "" : path;
        int query = clean.indexOf('?');
        if (query >= 0) {
            clean = clean.substring(0, query);
        }
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        for (SyncInterface sync : values()) {
            if (clean.endsWith(sync.path())) {
                return sync;
            }
        }
        List<String> known = Arrays.stream(values()).map(SyncInterface::path).toList();
        throw new InvalidMessageException(null,
                "unknown kit sync path '" + path + "'; expected one ending with " + String.join(", ", known));
    }

    /**
     * Reads this interface's body.
     *
     * @throws org.opengallery.protocol.message.MissingFieldException if a mandatory field is missing
     * @throws InvalidMessageException if the body is malformed
     */
    public SyncRequest parse(String body) {
        return ProtocolJson.read(body == null ? "" : body, requestType);
    }
}
