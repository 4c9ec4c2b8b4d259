package org.opengallery.marketplace.notice;

import java.time.Instant;

/** One notice in a user's message center; {@code link} is a page of the consoles it is about, or null. */
public record Notice(long id, Recipient to, String kind, String title, String body, String link, Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
