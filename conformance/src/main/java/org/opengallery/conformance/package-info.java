/**
 * The conformance checker: plays KooGallery against a seller's production interface, one {@link
 * org.opengallery.conformance.Case} at a time, and reports each as {@code PASS}, {@code FAIL} or {@code SKIP}.
 *
 * <p>{@link org.opengallery.conformance.ConformanceCheck} runs the cases of {@link
 * org.opengallery.conformance.V2Cases} or {@link org.opengallery.conformance.V1Cases}, then {@link
 * org.opengallery.conformance.KitCases}; {@link org.opengallery.conformance.KooGalleryCaller} signs and sends
 * what the platform would send; {@link org.opengallery.conformance.MockOpenApi} stands in for KooGallery's open
 * API (Query Order, usage push) so the seller under test has something to call back.
 */
package org.opengallery.conformance;
