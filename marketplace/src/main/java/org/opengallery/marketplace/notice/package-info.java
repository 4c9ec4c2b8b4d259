/**
 * 消息中心 (message center): notices to buyers, sellers and operators, stored with the business step that caused
 * them and mailed after it commits. Other capabilities call {@link org.opengallery.marketplace.notice.Notices#post};
 * the pages are {@code /messages}.
 */
package org.opengallery.marketplace.notice;
