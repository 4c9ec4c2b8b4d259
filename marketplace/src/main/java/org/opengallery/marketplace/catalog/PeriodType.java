package org.opengallery.marketplace.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.opengallery.marketplace.web.ApiException;

/** The period a PERIOD price buys; on the wire {@code month} / {@code year}. */
public enum PeriodType {
    MONTH("month", 30),
    YEAR("year", 365);

    private final String code;
    private final int nominalDays;

    PeriodType(String code, int nominalDays) {
        this.code = code;
        this.nominalDays = nominalDays;
    }

    public String code() {
        return code;
    }

    /** The days one period is priced for, used to turn a period price into a day price (upgrades). */
    public int nominalDays() {
        return nominalDays;
    }

    /** {@code from} plus {@code count} calendar months or years, in UTC. */
    public Instant addTo(Instant from, int count) {
        var at = from.atZone(ZoneOffset.UTC);
        return (this == MONTH ? at.plusMonths(count) : at.plusYears(count)).toInstant();
    }

    public static PeriodType of(String code) {
        if (code != null) {
            for (PeriodType t : values()) {
                if (t.code.equals(code.toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw ApiException.badRequest("invalid_period_type", "periodType must be month or year, got " + code);
    }

    /** For database columns that may be NULL. */
    public static PeriodType ofNullable(String code) {
        return code == null ? null : of(code);
    }
}
