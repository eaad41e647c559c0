package com.paystream.ledger.journal;

import com.paystream.ledger.accounts.Side;
import com.paystream.platform.ids.PaymentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A journal entry as the posting rules propose it. {@link #violation()} checks the double-entry
 * invariants the database checks again at commit: at least two lines, every amount positive, and
 * per currency the debits equal the credits. {@code paymentId} is null for an entry of no payment
 * (an operator's settlement of a hold). {@code requestedBy} is who asked for the entry's change and
 * {@code approvedBy} the second operator who approved it (four eyes); null when there is none.
 */
public record EntryDraft(
    UUID id,
    EntryType type,
    PaymentId paymentId,
    String description,
    UUID reversesEntryId,
    String requestedBy,
    String approvedBy,
    String reason,
    List<PostingDraft> postings) {

  public EntryDraft {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    postings = List.copyOf(postings);
  }

  /** A refusal that names the broken invariant, or empty when the entry may be booked. */
  public Optional<Refusal> violation() {
    if (postings.size() < 2) {
      return Optional.of(
          new Refusal(
              Refusal.UNBALANCED,
              "entry "
                  + id
                  + " has "
                  + postings.size()
                  + " posting(s); at least two are required"));
    }
    Map<String, Long> netByCurrency = new HashMap<>();
    for (PostingDraft posting : postings) {
      if (posting.amountMinor() <= 0) {
        return Optional.of(
            new Refusal(
                Refusal.INVALID_AMOUNT,
                "entry " + id + " has a non-positive amount " + posting.amountMinor()));
      }
      long signed = posting.side() == Side.DEBIT ? posting.amountMinor() : -posting.amountMinor();
      netByCurrency.merge(posting.currencyCode(), signed, Math::addExact);
    }
    return netByCurrency.entrySet().stream()
        .filter(net -> net.getValue() != 0)
        .findFirst()
        .map(
            net ->
                new Refusal(
                    Refusal.UNBALANCED,
                    "entry " + id + " is unbalanced in " + net.getKey() + " by " + net.getValue()));
  }
}
