package com.paystream.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.paystream.ledger.journal.ChainLink;
import com.paystream.ledger.journal.EntryContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The canonical encoding of an entry is deterministic, and injective across field boundaries: text
 * moved from one field into its neighbour, a null instead of an empty text, a posting moved, always
 * change the bytes (and so the hash).
 */
class EntryContentPropertyTest {

  // Short texts from a tiny alphabet, so that shifted boundaries really produce the same
  // concatenation often.
  private static final Gen<String> TEXT =
      SourceDSL.strings().betweenCodePoints('a', 'c').ofLengthBetween(0, 3);
  private static final Gen<String> NULLABLE =
      TEXT.mix(SourceDSL.arbitrary().constant((String) null), 25);

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID SOURCE = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-000000000003");
  private static final LocalDate DATE = LocalDate.of(2026, 3, 1);
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456Z");

  private static EntryContent.Entry entry(
      String sourceType,
      String paymentId,
      String description,
      String requestedBy,
      String reason,
      List<EntryContent.Posting> postings) {
    return entry(sourceType, paymentId, description, requestedBy, null, reason, postings);
  }

  private static EntryContent.Entry entry(
      String sourceType,
      String paymentId,
      String description,
      String requestedBy,
      String approvedBy,
      String reason,
      List<EntryContent.Posting> postings) {
    return new EntryContent.Entry(
        ID,
        SOURCE,
        sourceType,
        "PAYMENT",
        paymentId,
        description,
        null,
        requestedBy,
        approvedBy,
        reason,
        DATE,
        AT,
        postings);
  }

  private static EntryContent.Posting posting(int line, String side, String currency, long amount) {
    return new EntryContent.Posting(line, ACCOUNT, side, amount, currency, amount, line, DATE, AT);
  }

  @Test
  void sameContentSameBytes() {
    qt().forAll(TEXT, NULLABLE, TEXT, NULLABLE)
        .checkAssert(
            (a, b, c, d) -> {
              EntryContent.Entry one =
                  entry(a, b, c, d, null, List.of(posting(1, "DEBIT", "EUR", 5)));
              EntryContent.Entry two =
                  entry(a, b, c, d, null, List.of(posting(1, "DEBIT", "EUR", 5)));
              assertThat(EntryContent.encode(one)).isEqualTo(EntryContent.encode(two));
              assertThat(EntryContent.digest(one)).isEqualTo(EntryContent.digest(two));
            });
  }

  @Test
  void differentFieldsNeverShareAnEncoding() {
    qt().withExamples(2_000)
        .forAll(TEXT, NULLABLE, TEXT, NULLABLE)
        .checkAssert(
            (a, b, c, d) -> {
              // The fields' values as a tuple, and a second tuple from another draw of the same
              // concatenation: shift one character across every boundary in turn.
              EntryContent.Entry original =
                  entry(a, b, c, d, null, List.of(posting(1, "DEBIT", "EUR", 5)));
              for (EntryContent.Entry other : neighbours(a, b, c, d)) {
                boolean sameFields =
                    other.sourceType().equals(a)
                        && java.util.Objects.equals(other.paymentId(), b)
                        && other.description().equals(c)
                        && java.util.Objects.equals(other.requestedBy(), d)
                        && other.reason() == null
                        && other.postings().equals(original.postings());
                assertThat(Arrays.equals(EntryContent.encode(other), EntryContent.encode(original)))
                    .as("%s vs %s", other, original)
                    .isEqualTo(sameFields);
              }
            });
  }

  @Test
  void anEntryWithoutApproverKeepsVersionOneAndAnApproverMakesItVersionTwo() {
    List<EntryContent.Posting> lines = List.of(posting(1, "DEBIT", "EUR", 5));
    byte[] plain = EntryContent.encode(entry("COMMAND", "p", "d", "operator:olga", "r", lines));
    byte[] approved =
        EntryContent.encode(
            entry("COMMAND", "p", "d", "operator:olga", "operator:oscar", "r", lines));

    assertThat(plain[4]).isEqualTo((byte) EntryContent.VERSION);
    assertThat(approved[4]).isEqualTo((byte) EntryContent.VERSION_APPROVED);
    assertThat(EntryContent.digest(entry("COMMAND", "p", "d", "operator:olga", "", "r", lines)))
        .isNotEqualTo(EntryContent.digest(entry("COMMAND", "p", "d", "operator:olga", "r", lines)));
  }

  @Test
  void theApproverIsBoundToItsField() {
    qt().withExamples(500)
        .forAll(NULLABLE, TEXT, NULLABLE)
        .checkAssert(
            (requester, approver, reason) -> {
              List<EntryContent.Posting> lines = List.of(posting(1, "DEBIT", "EUR", 5));
              EntryContent.Entry original =
                  entry("COMMAND", "p", "d", requester, approver, reason, lines);
              String all =
                  (requester == null ? "" : requester) + approver + (reason == null ? "" : reason);
              for (int i = 0; i <= all.length(); i++) {
                for (int j = i; j <= all.length(); j++) {
                  EntryContent.Entry other =
                      entry(
                          "COMMAND",
                          "p",
                          "d",
                          all.substring(0, i),
                          all.substring(i, j),
                          all.substring(j),
                          lines);
                  boolean same =
                      java.util.Objects.equals(other.requestedBy(), requester)
                          && other.approvedBy().equals(approver)
                          && java.util.Objects.equals(other.reason(), reason);
                  assertThat(
                          Arrays.equals(EntryContent.encode(other), EntryContent.encode(original)))
                      .as("%s vs %s", other, original)
                      .isEqualTo(same);
                }
              }
            });
  }

  @Test
  void postingsAreBoundToTheirPlace() {
    qt().forAll(SourceDSL.longs().between(1, 1_000), SourceDSL.longs().between(1, 1_000))
        .checkAssert(
            (x, y) -> {
              EntryContent.Entry xy =
                  entry(
                      "CALLBACK",
                      "p",
                      "d",
                      null,
                      null,
                      List.of(posting(1, "DEBIT", "EUR", x), posting(2, "CREDIT", "EUR", y)));
              EntryContent.Entry yx =
                  entry(
                      "CALLBACK",
                      "p",
                      "d",
                      null,
                      null,
                      List.of(posting(1, "DEBIT", "EUR", y), posting(2, "CREDIT", "EUR", x)));
              assertThat(Arrays.equals(EntryContent.encode(xy), EntryContent.encode(yx)))
                  .isEqualTo(x.equals(y));
            });
  }

  @Test
  void theLinkHashBindsChainSequenceAndPredecessor() {
    byte[] content = new byte[32];
    byte[] one = ChainLink.hash("t/1", 1, ChainLink.GENESIS, content);
    assertThat(one).isNotEqualTo(ChainLink.hash("t/1", 2, ChainLink.GENESIS, content));
    assertThat(one).isNotEqualTo(ChainLink.hash("t/11", 1, ChainLink.GENESIS, content));
    assertThat(one).isNotEqualTo(ChainLink.hash("t/1", 1, one, content));
    assertThat(one).isEqualTo(ChainLink.hash("t/1", 1, ChainLink.GENESIS, content));
  }

  /** The same characters split differently over the four texts, and null/empty swapped. */
  private static List<EntryContent.Entry> neighbours(String a, String b, String c, String d) {
    String all = a + (b == null ? "" : b) + c + (d == null ? "" : d);
    List<EntryContent.Entry> out = new java.util.ArrayList<>();
    for (int i = 0; i <= all.length(); i++) {
      for (int j = i; j <= all.length(); j++) {
        for (int k = j; k <= all.length(); k++) {
          out.add(
              entry(
                  all.substring(0, i),
                  all.substring(i, j),
                  all.substring(j, k),
                  all.substring(k),
                  null,
                  List.of(posting(1, "DEBIT", "EUR", 5))));
        }
      }
    }
    out.add(entry(a, b == null ? "" : null, c, d, null, List.of(posting(1, "DEBIT", "EUR", 5))));
    out.add(entry(a, b, c, d, "", List.of(posting(1, "DEBIT", "EUR", 5))));
    out.add(
        entry(
            a,
            b,
            c,
            d,
            null,
            List.of(posting(1, "DEBIT", "EUR", 5), posting(2, "DEBIT", "EUR", 5))));
    return out;
  }
}
