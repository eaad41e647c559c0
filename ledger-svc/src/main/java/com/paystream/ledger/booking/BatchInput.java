package com.paystream.ledger.booking;

import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.payments.PaymentPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the planner needs to know about the books before it plans a batch: which source ids were
 * already applied, the positions of the batch's payments, the (locked) accounts it may touch, and
 * when and on which business date it books. {@code parked} holds the commands parked earlier for
 * the batch's payments that are not booked yet (not yet applied, in the order they were consumed):
 * they are applied as soon as the batch books their payment, unless {@code applyParked} is false
 * (they stay parked; a re-delivery of one is still a duplicate).
 */
public record BatchInput(
    Set<UUID> alreadyProcessed,
    Map<String, PaymentPosition> positions,
    Collection<AccountState> accounts,
    Instant bookedAt,
    LocalDate effectiveDate,
    List<InboundRecord.Readable> parked,
    boolean applyParked) {

  public BatchInput(
      Set<UUID> alreadyProcessed,
      Map<String, PaymentPosition> positions,
      Collection<AccountState> accounts,
      Instant bookedAt,
      LocalDate effectiveDate) {
    this(alreadyProcessed, positions, accounts, bookedAt, effectiveDate, List.of(), true);
  }

  public BatchInput {
    alreadyProcessed = Set.copyOf(alreadyProcessed);
    positions = Map.copyOf(positions);
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(bookedAt, "bookedAt");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    parked = List.copyOf(parked);
  }
}
