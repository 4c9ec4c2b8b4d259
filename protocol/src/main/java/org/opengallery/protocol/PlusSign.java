package org.opengallery.protocol;

/**
 * How a literal {@code +} in a query string is read. KooGallery URL-encodes every value, so a real {@code +}
 * arrives as {@code %2B} and a {@code +} stands for a space ({@link #SPACE}, the form-encoding reading). Some
 * senders leave Base64 values ({@code authToken}, encrypted {@code mobilePhone}/{@code email}) unencoded, so
 * their {@code +} is a plus ({@link #LITERAL}); a verifier tries {@code SPACE} first and {@code LITERAL}
 * second, and accepts the request if either reading verifies.
 */
public enum PlusSign {
    /** {@code +} decodes to a space, {@code %2B} to a plus: what Java's {@code URLEncoder} produces. */
    SPACE,
    /** {@code +} stays a plus; spaces only come from {@code %20}. */
    LITERAL
}
