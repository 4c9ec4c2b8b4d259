package org.opengallery.sellerkit.store;

/** The store's database failed; the message says which operation on which key, never what it held. */
public class KitStoreException extends RuntimeException {

    public KitStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
