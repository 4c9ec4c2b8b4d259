package org.opengallery.protocol.message.sync;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;
import org.opengallery.protocol.message.Message;
import org.opengallery.protocol.message.internal.Fields;

/** A department in {@code allOrgSync}: {@code orgCode} (mandatory), {@code orgName}, {@code parentCode}. */
public record OrgInfo(String orgCode, String orgName, String parentCode, @JsonAnySetter Map<String, Object> extra)
        implements Message {

    public OrgInfo {
        Fields.require("orgCode", orgCode);
        extra = Fields.unknown(extra);
    }

    public OrgInfo(String orgCode, String orgName, String parentCode) {
        this(orgCode, orgName, parentCode, Map.of());
    }
}
