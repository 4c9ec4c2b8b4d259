/**
 * V2 basic interfaces: the JSON bodies KooGallery POSTs to the seller's production address, told apart by
 * {@code activity}. Parse any of them with {@link org.opengallery.protocol.message.v2.V2Request#parse(String)}
 * and switch over the sealed result; answer with the types in {@code message.instance} or {@link
 * org.opengallery.protocol.message.ResultResponse}.
 */
package org.opengallery.protocol.message.v2;
