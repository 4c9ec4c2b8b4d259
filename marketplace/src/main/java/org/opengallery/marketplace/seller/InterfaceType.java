package org.opengallery.marketplace.seller;

/** The interface types a V2 access key serves; one key never serves two types. */
public enum InterfaceType {
    /** The basic production interface (newInstance, refreshInstance …) and order notifications. */
    BASIC,
    /** Joint-operation kit sync interfaces. */
    SYNC,
    /** License interfaces. */
    LICENSE,
    /** Anything else. */
    GENERAL
}
