package org.opengallery.protocol.message.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of an enum constant by its wire code, shared by the code sets with an "unknown" holder. */
public final class CodeIndex<E extends Enum<E>> {

    private final Map<String, E> byCode;

    private CodeIndex(Map<String, E> byCode) {
        this.byCode = byCode;
    }

    public static <E extends Enum<E>> CodeIndex<E> of(Class<E> type, Function<E, String> code) {
        return new CodeIndex<>(Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(code, Function.identity())));
    }

    /** The constant with this exact code, if any. */
    public Optional<E> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }
}
