package com.paystream.ledger.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical content of a journal entry and its byte encoding, the input of the entry's hash in
 * its chain. Deterministic (the same entry always gives the same bytes) and injective (different
 * entries never do): every field has a fixed width or a length prefix, and every nullable field a
 * presence byte, so no two field sequences share an encoding whatever the text they hold.
 *
 * <p>Encoding version 1, big-endian:
 *
 * <pre>
 *   "PSJE" (4 bytes) 0x01 (version)
 *   id uuid | source_event_id uuid | source_type text | entry_type text | payment_id text?
 *   description text | reverses_id uuid? | requested_by text? | reason text?
 *   effective_date date | booked_at instant | posting count int32
 *   per posting, in line order:
 *     line_no int32 | account_id uuid | side text | amount_minor int64 | currency text
 *     balance_after_minor int64 | account_seq int64 | effective_date date | booked_at instant
 *
 *   uuid    = 16 bytes (most, then least significant 64 bits)
 *   text    = int32 byte length, then UTF-8 bytes
 *   date    = int64 epoch day
 *   instant = int64 microseconds since the epoch (PostgreSQL's timestamptz precision)
 *   T?      = 0x00 for null, or 0x01 followed by T
 * </pre>
 *
 * <p>Version 2 is version 1 with the version byte 0x02 and one more field after {@code
 * requested_by}: {@code approved_by text} (the second operator of a four-eyes change). An entry is
 * encoded as version 2 exactly when it has an approver, so every entry without one, including all
 * written before the field existed, keeps its version 1 bytes and hash; adding or removing an
 * approver afterwards changes the version and therefore the hash.
 *
 * <p>A change of any of this is a new version, never an edit of an old one: stored hashes are years
 * old.
 */
public final class EntryContent {

  public static final int VERSION = 1;

  /** The version of entries that name an approver. */
  public static final int VERSION_APPROVED = 2;

  private static final byte[] MAGIC = {'P', 'S', 'J', 'E', VERSION};

  private static final byte[] MAGIC_APPROVED = {'P', 'S', 'J', 'E', VERSION_APPROVED};

  private EntryContent() {}

  /** The fields of an entry as stored, in the encoding's order. Nullable ones say so. */
  public record Entry(
      UUID id,
      UUID sourceEventId,
      String sourceType,
      String entryType,
      String paymentId,
      String description,
      UUID reversesId,
      String requestedBy,
      String approvedBy,
      String reason,
      LocalDate effectiveDate,
      Instant bookedAt,
      List<Posting> postings) {

    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(sourceEventId, "sourceEventId");
      Objects.requireNonNull(sourceType, "sourceType");
      Objects.requireNonNull(entryType, "entryType");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(effectiveDate, "effectiveDate");
      Objects.requireNonNull(bookedAt, "bookedAt");
      postings = List.copyOf(postings);
    }
  }

  /** A posting's fields as stored, in the encoding's order. */
  public record Posting(
      int lineNo,
      UUID accountId,
      String side,
      long amountMinor,
      String currency,
      long balanceAfterMinor,
      long accountSeq,
      LocalDate effectiveDate,
      Instant bookedAt) {

    public Posting {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(effectiveDate, "effectiveDate");
      Objects.requireNonNull(bookedAt, "bookedAt");
    }
  }

  /** The content of an entry as the ledger books it (exactly what its rows will hold). */
  public static Entry of(BookedEntry entry) {
    List<Posting> postings = new ArrayList<>(entry.postings().size());
    for (BookedPosting p : entry.postings()) {
      postings.add(
          new Posting(
              p.lineNo(),
              UUID.fromString(p.accountId().value()),
              p.side().name(),
              p.amountMinor(),
              p.currencyCode(),
              p.balanceAfterMinor(),
              p.accountSequence(),
              entry.effectiveDate(),
              entry.bookedAt()));
    }
    EntryDraft draft = entry.draft();
    return new Entry(
        entry.id(),
        entry.sourceEventId(),
        entry.sourceType().name(),
        entry.type().name(),
        draft.paymentId() == null ? null : draft.paymentId().value(),
        draft.description(),
        draft.reversesEntryId(),
        draft.requestedBy(),
        draft.approvedBy(),
        draft.reason(),
        entry.effectiveDate(),
        entry.bookedAt(),
        postings);
  }

  /** SHA-256 of the entry's encoding: what the chain link hashes. */
  public static byte[] digest(BookedEntry entry) {
    return digest(of(entry));
  }

  public static byte[] digest(Entry entry) {
    return sha256().digest(encode(entry));
  }

  /** The encoding (see the class comment): version 2 when the entry names an approver, else 1. */
  public static byte[] encode(Entry e) {
    Buffer out = new Buffer(256 + 96 * e.postings().size());
    boolean approved = e.approvedBy() != null;
    out.raw(approved ? MAGIC_APPROVED : MAGIC);
    out.uuid(e.id());
    out.uuid(e.sourceEventId());
    out.text(e.sourceType());
    out.text(e.entryType());
    out.optionalText(e.paymentId());
    out.text(e.description());
    out.optionalUuid(e.reversesId());
    out.optionalText(e.requestedBy());
    if (approved) {
      out.text(e.approvedBy());
    }
    out.optionalText(e.reason());
    out.date(e.effectiveDate());
    out.instant(e.bookedAt());
    out.int32(e.postings().size());
    for (Posting p : e.postings()) {
      out.int32(p.lineNo());
      out.uuid(p.accountId());
      out.text(p.side());
      out.int64(p.amountMinor());
      out.text(p.currency());
      out.int64(p.balanceAfterMinor());
      out.int64(p.accountSeq());
      out.date(p.effectiveDate());
      out.instant(p.bookedAt());
    }
    return out.bytes();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A growing big-endian byte buffer. */
  static final class Buffer {
    private ByteBuffer buffer;

    Buffer(int capacity) {
      buffer = ByteBuffer.allocate(capacity);
    }

    void raw(byte[] bytes) {
      ensure(bytes.length);
      buffer.put(bytes);
    }

    void int32(int value) {
      ensure(Integer.BYTES);
      buffer.putInt(value);
    }

    void int64(long value) {
      ensure(Long.BYTES);
      buffer.putLong(value);
    }

    void uuid(UUID value) {
      int64(value.getMostSignificantBits());
      int64(value.getLeastSignificantBits());
    }

    void optionalUuid(UUID value) {
      if (present(value)) {
        uuid(value);
      }
    }

    void text(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      raw(utf8);
    }

    void optionalText(String value) {
      if (present(value)) {
        text(value);
      }
    }

    void date(LocalDate value) {
      int64(value.toEpochDay());
    }

    void instant(Instant value) {
      int64(
          Math.addExact(
              Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000));
    }

    byte[] bytes() {
      byte[] out = new byte[buffer.position()];
      buffer.flip();
      buffer.get(out);
      return out;
    }

    private boolean present(Object value) {
      ensure(1);
      buffer.put((byte) (value == null ? 0 : 1));
      return value != null;
    }

    private void ensure(int more) {
      if (buffer.remaining() < more) {
        ByteBuffer bigger =
            ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
    }
  }
}
