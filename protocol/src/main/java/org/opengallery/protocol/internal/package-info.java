/**
 * Implementation details of the protocol module. Do not use: nothing here is API and it may change in any
 * release.
 */
package org.opengallery.protocol.internal;
