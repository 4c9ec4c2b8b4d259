/**
 * V1 interfaces (retired for new listings, still spoken by older products and License products): the
 * activity's parameters arrive as a GET query string (or, in the POST form, as a JSON body). Build the typed
 * view from the decoded parameters with {@link org.opengallery.protocol.message.v1.V1Request#from(java.util.Map)}
 * (any activity) or e.g. {@code V1NewInstanceRequest.from(map)}; {@code parameters()} gives the map back.
 * Answers use the types in {@code message.instance}, {@link org.opengallery.protocol.message.ResultResponse}
 * and {@link org.opengallery.protocol.message.v1.LicenseResponse}, and must be signed ({@code Body-Sign}).
 */
package org.opengallery.protocol.message.v1;
