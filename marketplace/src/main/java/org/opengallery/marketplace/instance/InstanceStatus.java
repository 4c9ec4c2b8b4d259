package org.opengallery.marketplace.instance;

/** PROVISIONING → RUNNING → FROZEN (expired or violation) → RELEASED; FAILED when delivery gave up on the create. */
public enum InstanceStatus { PROVISIONING, RUNNING, FROZEN, RELEASED, FAILED }
