/**
 * The server-rendered consoles (Thymeleaf): the storefront, the buyer center, and placeholders for the seller
 * center and the operator console. Pages reach the capabilities only through their public services; who is signed
 * in comes from {@code access.SignedInUser}. Every label is a message key ({@code marketplace/i18n/messages*.properties},
 * zh-CN by default, English with {@code ?lang=en}, kept in a cookie).
 */
package org.opengallery.marketplace.pages;
