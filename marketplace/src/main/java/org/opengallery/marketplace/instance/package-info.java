/**
 * Instances and the lifecycle clock.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Ids</b>: {@code instance_key} is ours; {@code instanceId} is the seller's, set by InstanceAccepted (or
 *       InstanceProvisioned). A PROVISIONING instance without it is listed by {@code GET /api/v1/instances} with
 *       {@code "instanceId": null} and its orderId / orderLineId, and cannot be addressed by itself until the
 *       seller answers (renew / upgrade / unsubscribe need a delivered instance anyway).</li>
 *   <li><b>States</b>: PROVISIONING → RUNNING (appInfo arrived) → FROZEN (expired, or a violation) → RELEASED;
 *       FAILED when delivery gave up on the create. RELEASED is set when the release is decided (unsubscribe, end
 *       of freeze); the releaseInstance call is durable in the engine.</li>
 *   <li><b>Clock</b>: RUNNING with expiry ≤ now → FROZEN + FREEZE; FROZEN with expiry + freeze period
 *       ({@code opengallery.instance.freeze-period}, 15d) ≤ now → RELEASED + releaseInstance(EXPIRED). Runs every
 *       {@code opengallery.instance.lifecycle-interval} (1m) on db-scheduler.</li>
 *   <li><b>Violation freeze</b>: {@link org.opengallery.marketplace.instance.InstanceLifecycle#freezeForViolation}
 *       / {@code liftViolationFreeze}; such an instance still has its expiry ahead, so it is neither released by
 *       the clock nor unfrozen by a renewal.</li>
 *   <li>The buyer's admin password from appInfo is sealed at rest like the sellers' secrets.</li>
 * </ul>
 */
package org.opengallery.marketplace.instance;
