package org.opengallery.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.opengallery.protocol.message.v2.NewInstanceRequest;
import org.opengallery.protocol.message.v2.V2Request;

/** Whatever field the platform adds, a parse and write keeps it. */
class UnknownFieldsProperties {

    private static final Set<String> KNOWN = Set.of("activity", "orderId", "orderLineId", "businessId", "testFlag");

    @Property
    void anUnknownStringFieldSurvivesARoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name,
            @ForAll @StringLength(max = 40) String value) {
        Assume.that(!KNOWN.contains(name));
        String body = ProtocolJson.write(new NewInstanceRequest("o", "o-1", "b", null, java.util.Map.of(name, value)));
        V2Request parsed = V2Request.parse(body);
        assertThat(parsed.extra()).containsExactly(java.util.Map.entry(name, value));
        assertThat(ProtocolJson.write(parsed)).isEqualTo(body);
    }
}
