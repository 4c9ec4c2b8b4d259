/**
 * The time formats of KooGallery's wire protocol: the digit strings {@code yyyyMMddHHmmss} and
 * {@code yyyyMMddHHmmssSSS} (expiry and order times, V1 {@code timeStamp}), the basic ISO form
 * {@code yyyyMMdd'T'HHmmss'Z'} (usage records, APIG {@code X-Sdk-Date}) and millisecond epoch timestamps
 * (V2 {@code timestamp}, {@code x-timestamp}, usage-push {@code ts}). Entry point: {@link
 * org.opengallery.protocol.time.ProtocolTime}.
 */
package org.opengallery.protocol.time;
