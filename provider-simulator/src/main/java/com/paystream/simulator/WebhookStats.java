package com.paystream.simulator;

/**
 * What became of the webhooks the simulator decided to send, counted per webhook event (one per
 * settlement) unless said otherwise. Taken as one consistent snapshot, so that at any time {@code
 * settlements == delivered + dropped + undelivered + inFlight}.
 *
 * @param settlements webhooks the provider decided to send, one per settlement
 * @param delivered distinct webhook events the gateway answered 2xx to at least once
 * @param duplicatesSent extra copies sent on purpose by the duplicate fault (deliveries, not
 *     events)
 * @param dropped webhooks never sent because of the drop fault
 * @param reordered webhooks held back by the reorder fault
 * @param delayed webhooks whose sends were delayed by the delay fault
 * @param retries re-attempts after a failed attempt (refused, reset, timed out or not 2xx), over
 *     all deliveries
 * @param undelivered webhook events given up after the last retry, never acknowledged
 * @param inFlight webhook events neither acknowledged, dropped nor given up yet: held, delayed or
 *     being retried
 */
public record WebhookStats(
    long settlements,
    long delivered,
    long duplicatesSent,
    long dropped,
    long reordered,
    long delayed,
    long retries,
    long undelivered,
    long inFlight) {}
