package org.opengallery.marketplace.catalog;

/**
 * 服务与支持 (platform.md §2.3): at least what is supported, when, a hotline and an e-mail, all reachable during the
 * service hours. Null fields are "not filled in yet" in a draft.
 */
public record ServiceSupport(String content, String hours, String phone, String email) {

    public static final ServiceSupport NONE = new ServiceSupport(null, null, null, null);
}
