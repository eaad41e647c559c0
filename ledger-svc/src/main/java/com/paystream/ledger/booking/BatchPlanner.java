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
    return accountDemand(records, List.of(), positions);
  }

  /**
   * Every account any record of the batch, or a parked command the batch may apply, could post to.
   * A parked command's payment is not booked yet: the record that books it demands the payment's
   * accounts, and the command those of what it books itself (an amendment's currency).
   */
  public Set<AccountSpec> accountDemand(
      List<InboundRecord> records,
      List<InboundRecord.Readable> parked,
      Map<String, PaymentPosition> positions) {
    Set<AccountSpec> demand = new LinkedHashSet<>();
    List<InboundRecord> all = new ArrayList<>(records);
    all.addAll(parked);
    for (InboundRecord record : all) {
      if (record instanceof InboundRecord.Readable readable) {
        PaymentMessage message = readable.message();
        demand.addAll(rules.accountsFor(message, position(positions, message)));
      }
    }
    return demand;
  }

  public BatchPlan plan(List<InboundRecord> records, BatchInput input) {
    Planning planning = new Planning(input);
    for (InboundRecord record : records) {
      planning.apply(record);
    }
    return planning.plan();
  }

  /**
   * One batch's planning state. A command refused only because its payment is not booked yet is
   * parked, and the parked commands of a payment (parked earlier, or earlier in this batch) are
   * applied right after the record that books it, in the order they were consumed, through the same
   * rules: the outcome is the one they would have had had they arrived after it.
   */
  private final class Planning {

    private final BatchInput input;
    private final Books books;
    private final Map<String, PaymentPosition> positions;
    private final Map<String, PaymentPosition> changedPositions = new LinkedHashMap<>();
    private final Set<UUID> seen;
    private final ParkedCommands parked;
    private final List<AppliedRecord> applied = new ArrayList<>();
    private final List<BookedEntry> entries = new ArrayList<>();
    private final List<ChainSlot> slots = new ArrayList<>();
    private final List<String> traceIds = new ArrayList<>();

    Planning(BatchInput input) {
      this.input = input;
      this.books = new Books(input.accounts());
      this.positions = new HashMap<>(input.positions());
      this.seen = new HashSet<>(input.alreadyProcessed());
      // A command parked earlier and delivered again while its payment is still not booked is a
      // duplicate: it keeps its place, and its "not yet" was answered the first time.
      input.parked().forEach(command -> seen.add(command.sourceEventId()));
      this.parked = new ParkedCommands(input.parked());
    }

    void apply(InboundRecord record) {
      if (!seen.add(record.sourceEventId())) {
        applied.add(new AppliedRecord(record, new Outcome.Duplicate()));
        return;
      }
      if (record instanceof InboundRecord.Unreadable unreadable) {
        applied.add(new AppliedRecord(record, new Outcome.DeadLettered(unreadable.refusal())));
        return;
      }
      InboundRecord.Readable readable = (InboundRecord.Readable) record;
      String paymentId = readable.message().paymentId();
      boolean wasBooked = paymentId != null && positions.containsKey(paymentId);
      Outcome outcome = applyReadable(readable);
      if (ParkedCommands.parks(readable.message(), outcome)) {
        outcome = new Outcome.Parked(((Outcome.DeadLettered) outcome).refusal());
        parked.park(readable);
      }
      applied.add(new AppliedRecord(record, outcome));
      if (outcome instanceof Outcome.Posted && !wasBooked && input.applyParked()) {
        applyParked(paymentId);
      }
    }

    /** A parked command, once applied, is settled: a later delivery is a duplicate. */
    private void applyParked(String paymentId) {
      for (InboundRecord.Readable command : parked.release(paymentId)) {
        seen.add(command.sourceEventId());
        applied.add(new AppliedRecord(command, applyReadable(command)));
      }
    }

    private Outcome applyReadable(InboundRecord.Readable record) {
      PaymentMessage message = record.message();
      Outcome outcome = decide(message, books, positions, input);
      if (outcome instanceof Outcome.Posted posted) {
        entries.add(posted.entry());
        // The entry's content is hashed here, where it is composed; the writer only links it.
        slots.add(ChainSlot.of(chainOf(record), posted.entry()));
        traceIds.add(message.meta().traceId());
        PaymentPosition after = positions.get(message.paymentId());
        changedPositions.put(after.paymentId().value(), after);
      }
      return outcome;
    }

    BatchPlan plan() {
      return new BatchPlan(
          input.bookedAt(),
          input.effectiveDate(),
          applied,
          entries,
          List.copyOf(books.changedAccounts()),
          List.copyOf(changedPositions.values()),
          slots,
          traceIds);
    }
  }

  /** Entries go on the chain of the partition their record was consumed from. */
  private static String chainOf(InboundRecord record) {
    return Chains.ofPartition(record.source().topic(), record.source().partition());
  }

  private Outcome decide(
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
