/**
 * Java types for every request and response of KooGallery's wire protocol, result codes and the shared JSON
 * configuration.
 *
 * <p>Every message is a record implementing {@link org.opengallery.protocol.message.Message}: fields the
 * record does not know are kept in {@code extra()} and written back, null fields are not written. Parse with
 * {@link org.opengallery.protocol.message.ProtocolJson#read(String, Class)} (or an entry point such as {@code
 * V2Request.parse}); failures are {@link org.opengallery.protocol.message.InvalidMessageException}s, which a
 * seller answers with {@code 000002}.
 *
 * <p>Tolerance rule: requests a seller acts on check the fields it cannot act without (an order id, an
 * instance id) and reject unknown values of closed sets it must act on (a refresh scene, a status); responses
 * and platform data (Query Order, usage-push answers) are read leniently, and their code sets carry an
 * "unknown" value holding the raw code, because the platform adds codes.
 *
 * <p>Sub-packages: {@code v2} (V2 basic activities), {@code v1} (V1 GET parameters, License), {@code instance}
 * (instance responses shared by V1 and V2), {@code sync} (joint-operation kit sync), {@code order} (Query
 * Order), {@code usage} (pay-per-use usage push), {@code oauth} (joint-operation login).
 */
package org.opengallery.protocol.message;
