package org.opengallery.protocol.message.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.opengallery.protocol.message.internal.CodeIndex;

/** {@code orderType} of Query Order. Sealed into the documented values and {@link Unknown} for new ones. */
public sealed interface OrderType permits OrderType.Known, OrderType.Unknown {

    /** The wire value, e.g. {@code TRIAL_TO_FORMAL}. */
    @JsonValue
    String code();

    /** The documented type with this value, or an {@link Unknown} carrying it. */
    @JsonCreator
    static OrderType of(String code) {
        Objects.requireNonNull(code, "code");
        return Known.INDEX.find(code).<OrderType>map(k -> k).orElseGet(() -> new Unknown(code));
    }

    /** The documented order types. */
    enum Known implements OrderType {
        /** 新购: a new purchase. */
        NEW,
        /** 试用: a trial. */
        TRIAL,
        /** 试用转正: a trial converted to a paid order. */
        TRIAL_TO_FORMAL,
        /** 退订: an unsubscription. */
        UNSUBSCRIBE,
        /** 续费: a renewal. */
        RENEW,
        /** 变更: a change (upgrade, scale-out). */
        CHANGE;

        private static final CodeIndex<Known> INDEX = CodeIndex.of(Known.class, Known::code);

        @Override
        public String code() {
            return name();
        }
    }

    /** An order type this version does not document, kept verbatim. */
    record Unknown(String code) implements OrderType {
        public Unknown {
            Objects.requireNonNull(code, "code");
        }
    }
}
