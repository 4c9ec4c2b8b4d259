package org.opengallery.marketplace.onboarding;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for review SLAs (审核时限): Monday to Friday. Public holidays (春节, 国庆 …) are not modelled: a
 * review due over a holiday shows a day that is earlier than the real one.
 */
public final class WorkingDays {

    /** The onboarding review SLA (platform.md §1.2). */
    public static final int ONBOARDING_REVIEW = 3;

    private WorkingDays() {}

    /** The day that is {@code days} working days after {@code start} (the start day itself not counted). */
    public static LocalDate after(LocalDate start, int days) {
        LocalDate d = start;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return d;
    }
}
