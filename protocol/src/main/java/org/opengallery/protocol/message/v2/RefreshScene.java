package org.opengallery.protocol.message.v2;

/** Why refreshInstance moves the expiry ({@code scene}). */
public enum RefreshScene {
    /** 试用转正: a trial became a paid order. */
    TRIAL_TO_FORMAL,
    /** 续费: a renewal. */
    RENEWAL,
    /** 退续费: a renewal period was unsubscribed; the expiry moves back. */
    UNSUBSCRIBE_RENEWAL_PERIOD,
    /** 续费变更: a renewal with a spec change. */
    RENEWAL_CHANGE
}
