package com.paystream.gateway.statusquery;

import com.paystream.platform.tracing.TraceParent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Where the status query schedule lives; safe to use from several gateway instances at once. */
public interface ScheduleStore {

  /**
   * Schedules, due at once, the payments open since {@code openSince} or earlier that have no row
   * yet, skipping those last changed before {@code oldest}.
   *
   * @return how many were scheduled
   */
  Mono<Long> seed(Instant openSince, Instant oldest, Instant now);

  /**
   * Claims up to {@code limit} due rows, skipping rows another instance is claiming, and leases
   * them until {@code now + lease}: a claim that is never finished becomes due again then.
   */
  Mono<List<DueQuery>> claim(Instant now, int limit, Duration lease, UUID claimToken);

  /** Records a query's outcome and when to ask next; ignored if the claim was taken over. */
  Mono<Void> reschedule(
      DueQuery query, int attempts, Instant next, QueryOutcome outcome, Instant now);

  /** Ends querying of the payment (DONE or EXPIRED); ignored if the claim was taken over. */
  Mono<Void> close(
      DueQuery query, int attempts, boolean expired, QueryOutcome outcome, Instant now);

  /**
   * Makes the payment due now because of a lost order (creating its row if needed), unless the same
   * trigger event was applied before. The query continues {@code trigger}'s trace when it runs.
   *
   * @return true when this call changed the schedule
   */
  Mono<Boolean> requestNow(
      String paymentId,
      Optional<String> provider,
      String triggerEventId,
      Optional<TraceParent> trigger,
      Instant now);

  /** Whether the gateway has a payment of this id (only those are asked about). */
  Mono<Boolean> knows(String paymentId);

  /**
   * Ends an active schedule that a lost order started (DONE, outcome {@code BREAK_RESOLVED}),
   * taking it from any claim in flight; schedules no lost order ever reached stay.
   *
   * @return true when a schedule was ended
   */
  Mono<Boolean> endLostOrder(String paymentId, Instant now);
}
