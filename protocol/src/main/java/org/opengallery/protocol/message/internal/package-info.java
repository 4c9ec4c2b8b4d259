/**
 * Implementation details of the message types. Do not use: nothing here is API and it may change in any
 * release. Public only because the message records live in several packages.
 */
package org.opengallery.protocol.message.internal;
