package com.paystream.ledger.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A balanced journal entry with its booking date, time and the postings as booked. */
public record BookedEntry(
    EntryDraft draft,
    UUID sourceEventId,
    SourceType sourceType,
    LocalDate effectiveDate,
    Instant bookedAt,
    List<BookedPosting> postings) {

  public BookedEntry {
    postings = List.copyOf(postings);
  }

  public UUID id() {
    return draft.id();
  }

  public EntryType type() {
    return draft.type();
  }
}
