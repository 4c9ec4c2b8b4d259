package org.opengallery.sellerdemo;

import java.time.Instant;

/** One note of a workspace. */
public record Note(long id, String text, Instant createdAt) {
}
