package org.opengallery.marketplace.catalog;

/** How a product is delivered (商品接入类型). */
public enum AccessType { SAAS, LICENSE, API, IMAGE, HARDWARE, PROFESSIONAL_SERVICE }
