/**
 * The V1 credential cipher: how a seller encrypts the {@code userName}/{@code password} it returns to KooGallery
 * and decrypts the buyer's {@code mobilePhone}/{@code email} KooGallery sends. Start at {@link
 * org.opengallery.protocol.cipher.CredentialCipher}.
 */
package org.opengallery.protocol.cipher;
