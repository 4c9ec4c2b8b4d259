/**
 * Instance-level types shared by V1 and V2: the create and query answers ({@code instanceId}, {@code info},
 * {@code appInfo}, V1's {@code encryptType}, {@code usageInfos}, {@code dashboardUrl}), the freeze/unfreeze
 * change, and the comma-separated instance id list of queryInstance.
 */
package org.opengallery.protocol.message.instance;
