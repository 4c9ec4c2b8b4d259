/**
 * Joint-operation login (OAuth 2.0 against the tenant's auth centre, {@code {domainName}/api/v1/oauth2/...}):
 * the token answer, the token error and the user info. snake_case for the token, camelCase for user info,
 * as documented.
 */
package org.opengallery.protocol.message.oauth;
