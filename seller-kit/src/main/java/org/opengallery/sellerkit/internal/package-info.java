/** The seller kit's engine: request routing, verification, provisioning. Do not use: not API. */
package org.opengallery.sellerkit.internal;
