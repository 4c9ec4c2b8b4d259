package org.opengallery.marketplace.catalog;

/** Where a product application is. Only DRAFT, REJECTED and WITHDRAWN ones can be edited and (re)submitted. */
public enum ApplicationState {
    /** 草稿: saved by the seller, not yet sent for review. */
    DRAFT,
    /** 审核中: waiting for an operator, oldest first; the seller may withdraw it. */
    SUBMITTED,
    /** 已通过: applied to the live product; closed. */
    APPROVED,
    /** 已驳回: the operator's reason is kept; the seller edits and submits again. */
    REJECTED,
    /** 已撤回: pulled back by the seller before review; editable again. */
    WITHDRAWN;

    public boolean editable() {
        return this == DRAFT || this == REJECTED || this == WITHDRAWN;
    }

    public boolean open() {
        return this != APPROVED;
    }
}
