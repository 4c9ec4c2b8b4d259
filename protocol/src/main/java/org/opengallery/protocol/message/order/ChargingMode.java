package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.opengallery.protocol.message.internal.CodeIndex;

/** {@code chargingMode} of a Query Order line. Sealed into the documented values and {@link Unknown}. */
public sealed interface ChargingMode permits ChargingMode.Known, ChargingMode.Unknown {

    /** The wire value, e.g. {@code ON_DEMAND_PKG}. */
    @JsonValue
    String code();

    /** The documented mode with this value, or an {@link Unknown} carrying it. */
    @JsonCreator
    static ChargingMode of(String code) {
        Objects.requireNonNull(code, "code");
        return Known.INDEX.find(code).<ChargingMode>map(k -> k).orElseGet(() -> new Unknown(code));
    }

    /** The documented charging modes. */
    enum Known implements ChargingMode {
        /** 按需: pay-per-use; usage is pushed by the seller. */
        ON_DEMAND,
        /** 按次: one-time. */
        ONE_TIME,
        /** 包周期: periodic (monthly, yearly …). */
        PERIOD,
        /** 按需套餐包: pay-per-use package. */
        ON_DEMAND_PKG;

        private static final CodeIndex<Known> INDEX = CodeIndex.of(Known.class, Known::code);

        @Override
        public String code() {
            return name();
        }
    }

    /** A charging mode this version does not document, kept verbatim. */
    record Unknown(String code) implements ChargingMode {
        public Unknown {
            Objects.requireNonNull(code, "code");
        }
    }
}
