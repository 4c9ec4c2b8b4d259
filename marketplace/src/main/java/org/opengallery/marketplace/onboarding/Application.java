package org.opengallery.marketplace.onboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A seller's 商家入驻 application: the form, its two uploads and where review stands.
 *
 * @param logoFileId the public logo upload, or null
 * @param licenceFileId the private business-licence upload, or null
 * @param reviewDue the last day (Beijing date) of the 3-working-day review, set on submission
 * @param rejectReason why the operator refused it, while {@link ApplicationStatus#REJECTED}
 */
public record Application(long id, long sellerId, ApplicationForm form, Long logoFileId, Long licenceFileId,
        ApplicationStatus status, Instant submittedAt, LocalDate reviewDue, Instant reviewedAt, String rejectReason) {

    /** Still waiting for review after its due date. */
    public boolean overdue(LocalDate today) {
        return status == ApplicationStatus.SUBMITTED && reviewDue != null && today.isAfter(reviewDue);
    }
}
