/**
 * Uploads (logos, business licences, copyright certificates, product images): checked by content type and size
 * against a {@link org.opengallery.marketplace.upload.FileRule}, stored in the database, public ones served at
 * {@code /files/{id}}.
 */
package org.opengallery.marketplace.upload;
