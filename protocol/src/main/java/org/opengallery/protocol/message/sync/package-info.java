/**
 * Joint-operation (联营) kit sync: what KooGallery POSTs to {@code <production address>/produceAPI/v2/<name>}
 * when a buyer binds the app to an enterprise, authorises users or edits departments. The interface is told
 * by the path, not by a field: {@link org.opengallery.protocol.message.sync.SyncInterface#fromPath(String)},
 * then {@link org.opengallery.protocol.message.sync.SyncInterface#parse(String)}. Answer with {@link
 * org.opengallery.protocol.message.ResultResponse}. {@code flag} and {@code testFlag} are integers here,
 * {@code timeStamp} is UTC+8.
 */
package org.opengallery.protocol.message.sync;
