package org.opengallery.marketplace.onboarding;

/**
 * The Huawei Cloud entities a seller signs the cooperation agreement with (platform.md §1.4, §1.5); business
 * information is certified per signed entity, and a seller sells in an entity's regions once certified there.
 */
public enum ContractingEntity {
    /** 中国大陆站: the entity every seller signs with first. */
    HUAWEI_CLOUD_CN("华为云计算技术有限公司"),
    /** 国际站: signed after the China-site onboarding, for the international regions. */
    SPARKOO_SG("Sparkoo Technologies Singapore Pte. Ltd.");

    private final String legalName;

    ContractingEntity(String legalName) {
        this.legalName = legalName;
    }

    public String legalName() {
        return legalName;
    }
}
