package org.opengallery.marketplace.upload;

import org.opengallery.marketplace.access.Role;

/** An accepted upload (without its bytes): who uploaded it, what for, and whether anyone may see it. */
public record StoredFile(long id, Role ownerRole, long ownerId, String purpose, String fileName, String contentType,
        long sizeBytes, boolean publicFile) {}
