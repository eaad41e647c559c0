package com.paystream.ledger.booking;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.Books;
import com.paystream.ledger.journal.ChainSlot;
import com.paystream.ledger.journal.Chains;
import com.paystream.ledger.payments.Decision;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.ledger.payments.PaymentPosition;
import com.paystream.ledger.payments.PostingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Plans a batch without touching the database: records are applied in order against in-memory
 * positions and balances, so a later record sees what an earlier one in the same batch did (a
 * second success for a payment booked three records earlier has no effect), and duplicates within
 * the batch are applied once.
 */
public final class BatchPlanner {

  private final PostingRules rules;

  public BatchPlanner(PostingRules rules) {
    this.rules = rules;
  }

  /** Payment ids whose positions the batch needs. */
  public Set<String> paymentIds(List<InboundRecord> records) {
    Set<String> ids = new LinkedHashSet<>();
    for (InboundRecord record : records) {
      if (record instanceof InboundRecord.Readable readable
          && readable.message().paymentId() != null) {
        ids.add(readable.message().paymentId());
      }
    }
    return ids;
  }

  /** Every account any record of the batch could post to. */
  public Set<AccountSpec> accountDemand(
      List<InboundRecord> records, Map<String, PaymentPosition> positions) {
    Set<AccountSpec> demand = new LinkedHashSet<>();
    for (InboundRecord record : records) {
      if (record instanceof InboundRecord.Readable readable) {
        PaymentMessage message = readable.message();
        demand.addAll(rules.accountsFor(message, position(positions, message)));
      }
    }
    return demand;
  }

  public BatchPlan plan(List<InboundRecord> records, BatchInput input) {
    Books books = new Books(input.accounts());
    Map<String, PaymentPosition> positions = new HashMap<>(input.positions());
    Map<String, PaymentPosition> changedPositions = new LinkedHashMap<>();
    Set<UUID> seen = new HashSet<>(input.alreadyProcessed());
    List<AppliedRecord> applied = new ArrayList<>(records.size());
    List<BookedEntry> entries = new ArrayList<>();
    List<ChainSlot> slots = new ArrayList<>();
    for (InboundRecord record : records) {
      Outcome outcome;
      if (!seen.add(record.sourceEventId())) {
        outcome = new Outcome.Duplicate();
      } else if (record instanceof InboundRecord.Unreadable unreadable) {
        outcome = new Outcome.DeadLettered(unreadable.refusal());
      } else {
        PaymentMessage message = ((InboundRecord.Readable) record).message();
        outcome = apply(message, books, positions, input);
        if (outcome instanceof Outcome.Posted posted) {
          entries.add(posted.entry());
          // The entry's content is hashed here, where it is composed; the writer only links it.
          slots.add(ChainSlot.of(chainOf(record), posted.entry()));
          PaymentPosition after = positions.get(message.paymentId());
          changedPositions.put(after.paymentId().value(), after);
        }
      }
      applied.add(new AppliedRecord(record, outcome));
    }
    return new BatchPlan(
        input.bookedAt(),
        input.effectiveDate(),
        applied,
        entries,
        List.copyOf(books.changedAccounts()),
        List.copyOf(changedPositions.values()),
        slots);
  }

  /** Entries go on the chain of the partition their record was consumed from. */
  private static String chainOf(InboundRecord record) {
    return Chains.ofPartition(record.source().topic(), record.source().partition());
  }

  private Outcome apply(
      PaymentMessage message,
      Books books,
      Map<String, PaymentPosition> positions,
      BatchInput input) {
    Decision decision = rules.decide(message, position(positions, message));
    if (decision instanceof Decision.NoFinancialEffect none) {
      return new Outcome.NoFinancialEffect(none.reason());
    }
    if (decision instanceof Decision.Refuse refuse) {
      return new Outcome.DeadLettered(refuse.refusal());
    }
    Decision.Post post = (Decision.Post) decision;
    Books.Result result =
        books.post(
            post.entry(),
            message.sourceEventId(),
            message.sourceType(),
            input.effectiveDate(),
            input.bookedAt());
    if (result instanceof Books.Refused refused) {
      return new Outcome.DeadLettered(refused.refusal());
    }
    positions.put(post.positionAfter().paymentId().value(), post.positionAfter());
    return new Outcome.Posted(((Books.Booked) result).entry());
  }

  private static Optional<PaymentPosition> position(
      Map<String, PaymentPosition> positions, PaymentMessage message) {
    return message.paymentId() == null
        ? Optional.empty()
        : Optional.ofNullable(positions.get(message.paymentId()));
  }
}
