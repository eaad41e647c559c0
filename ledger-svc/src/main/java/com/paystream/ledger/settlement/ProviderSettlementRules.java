package com.paystream.ledger.settlement;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The posting rule of a provider payout: a pure function from the payout to one PROVIDER_SETTLEMENT
 * entry, or to the reason it cannot be booked.
 *
 * <p>With B the bank amount (signed), P, R, F, C the report's payments, refunds, fees and
 * chargebacks, T the tolerated and U the unexplained difference (both bank minus the report's net,
 * negative when short), reconciliation guarantees {@code B = P - R - F - C + T + U}. The entry is,
 * each line on the other side when its amount is negative and left out when it is zero:
 *
 * <ul>
 *   <li>debit {@code bank-cash:<CUR>} B (the bank moved it);
 *   <li>debit {@code provider-fees:<provider>:<CUR>} F - T (a short payout within the tolerance is
 *       one more fee; an over payout within it, one less);
 *   <li>debit {@code suspense:<CUR>} C - U (chargebacks and an unexplained shortfall wait there for
 *       an operator; an unexplained excess is credited there);
 *   <li>credit {@code provider-clearing:<provider>:<CUR>} P - R (the payout's payments leave
 *       clearing, so clearing returns to zero for them).
 * </ul>
 *
 * <p>Debits minus credits are {@code B + F - T + C - U - (P - R)}, zero exactly when the equation
 * holds: the entry balances by construction, and a payout whose figures break the equation is
 * refused as UNBALANCED rather than forced to balance through one of the accounts.
 */
public final class ProviderSettlementRules {

  /** The settlement kind this rule books. */
  public static final String KIND = "PROVIDER_PAYOUT";

  // A payout reference (po_<provider>_<CUR>_<yyyyMMdd>) and the bank statement's ids: printable,
  // bounded, no spaces, so that the entry's description stays one readable line.
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}");

  private ProviderSettlementRules() {}

  /**
   * The id the payout is applied by, exactly once: derived from {@code
   * settlement:PROVIDER_PAYOUT:<settlementId>}, so a redelivery, another instance or a rebuild
   * names it the same way (the entry's id is derived from it in turn, as for every entry).
   */
  public static UUID sourceId(String settlementId) {
    return UUID.nameUUIDFromBytes(
        ("settlement:" + KIND + ":" + settlementId).getBytes(StandardCharsets.UTF_8));
  }

  /** What to do with the payout. */
  public static Decision decide(ProviderPayout payout) {
    Optional<Refusal> invalid = invalid(payout);
    if (invalid.isPresent()) {
      return new Decision.Refuse(invalid.get());
    }
    Currency currency = Money.currency(payout.currencyCode());
    List<PostingDraft> lines;
    try {
      lines = lines(payout, currency);
    } catch (ArithmeticException e) {
      return refuse(
          Refusal.AMOUNT_OUT_OF_RANGE,
          "payout " + payout.settlementId() + " has amounts beyond a 64-bit minor amount");
    }
    if (lines.isEmpty()) {
      return new Decision.NoMovement(
          "payout " + payout.settlementId() + " moves no money on any account");
    }
    UUID sourceId = sourceId(payout.settlementId());
    return new Decision.Book(
        new EntryDraft(
            EntryIds.forSource(sourceId),
            EntryType.PROVIDER_SETTLEMENT,
            null,
            description(payout),
            null,
            null,
            null,
            reason(payout),
            lines),
        sourceId);
  }

  private static List<PostingDraft> lines(ProviderPayout payout, Currency currency) {
    String provider = payout.provider();
    List<PostingDraft> lines = new ArrayList<>(4);
    add(lines, ChartOfAccounts.bankCash(currency), payout.bankAmountMinor());
    add(
        lines,
        ChartOfAccounts.providerFees(provider, currency),
        Math.subtractExact(payout.feesMinor(), payout.toleratedMinor()));
    add(
        lines,
        ChartOfAccounts.suspense(currency),
        Math.subtractExact(payout.chargebacksMinor(), payout.unexplainedMinor()));
    add(
        lines,
        ChartOfAccounts.providerClearing(provider, currency),
        Math.negateExact(Math.subtractExact(payout.paymentsMinor(), payout.refundsMinor())));
    return lines;
  }

  /** A debit of {@code debitMinor}: a credit when negative, nothing when zero. */
  private static void add(List<PostingDraft> lines, AccountSpec account, long debitMinor) {
    if (debitMinor > 0) {
      lines.add(PostingDraft.debit(account, debitMinor));
    } else if (debitMinor < 0) {
      lines.add(PostingDraft.credit(account, Math.negateExact(debitMinor)));
    }
  }

  private static Optional<Refusal> invalid(ProviderPayout payout) {
    Optional<Refusal> references = references(payout);
    if (references.isPresent()) {
      return references;
    }
    try {
      Money.currency(payout.currencyCode());
    } catch (IllegalArgumentException e) {
      return Optional.of(new Refusal(Refusal.INVALID_CURRENCY, e.getMessage()));
    }
    Optional<Refusal> negative = negativeSum(payout);
    if (negative.isPresent()) {
      return negative;
    }
    return unbalanced(payout);
  }

  private static Optional<Refusal> references(ProviderPayout payout) {
    if (!isReference(payout.settlementId())) {
      return Optional.of(
          new Refusal(Refusal.INVALID_REFERENCE, "a payout needs a settlement id (its reference)"));
    }
    try {
      // A provider code names accounts; it follows the same rules as the payments' provider.
      new MerchantId(payout.provider());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.of(
          new Refusal(
              Refusal.INVALID_REFERENCE,
              "payout " + payout.settlementId() + " has an invalid provider: " + e.getMessage()));
    }
    for (String id : new String[] {payout.statementId(), payout.statementLineId()}) {
      if (id != null && !isReference(id)) {
        return Optional.of(
            new Refusal(
                Refusal.INVALID_REFERENCE,
                "payout " + payout.settlementId() + " names an invalid bank statement id"));
      }
    }
    if (payout.breakId() != null && !isReference(payout.breakId())) {
      return Optional.of(
          new Refusal(
              Refusal.INVALID_REFERENCE,
              "payout " + payout.settlementId() + " names an invalid break id"));
    }
    return Optional.empty();
  }

  private static boolean isReference(String text) {
    return text != null && REFERENCE.matcher(text).matches();
  }

  /** The report's sums are sums of lines of one direction each: never negative. */
  private static Optional<Refusal> negativeSum(ProviderPayout payout) {
    String[] names = {"payments", "refunds", "fees", "chargebacks"};
    long[] sums = {
      payout.paymentsMinor(), payout.refundsMinor(), payout.feesMinor(), payout.chargebacksMinor()
    };
    for (int i = 0; i < sums.length; i++) {
      if (sums[i] < 0) {
        return Optional.of(
            new Refusal(
                Refusal.INVALID_AMOUNT,
                "payout "
                    + payout.settlementId()
                    + " has negative "
                    + names[i]
                    + " "
                    + sums[i]
                    + "; a report's sums are not negative"));
      }
    }
    if (payout.lineCount() < 0) {
      return Optional.of(
          new Refusal(
              Refusal.INVALID_AMOUNT,
              "payout " + payout.settlementId() + " has a negative line count"));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> unbalanced(ProviderPayout payout) {
    long explained;
    try {
      explained =
          Math.addExact(
              Math.addExact(
                  Math.subtractExact(
                      Math.subtractExact(
                          Math.subtractExact(payout.paymentsMinor(), payout.refundsMinor()),
                          payout.feesMinor()),
                      payout.chargebacksMinor()),
                  payout.toleratedMinor()),
              payout.unexplainedMinor());
    } catch (ArithmeticException e) {
      return Optional.of(
          new Refusal(
              Refusal.AMOUNT_OUT_OF_RANGE,
              "payout " + payout.settlementId() + " has amounts beyond a 64-bit minor amount"));
    }
    if (explained == payout.bankAmountMinor()) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            Refusal.UNBALANCED,
            "payout "
                + payout.settlementId()
                + ": bank amount "
                + payout.bankAmountMinor()
                + " is not payments - refunds - fees - chargebacks + tolerated + unexplained = "
                + explained));
  }

  private static String description(ProviderPayout payout) {
    StringBuilder text =
        new StringBuilder("provider payout ")
            .append(payout.settlementId())
            .append(" of ")
            .append(payout.provider())
            .append(' ')
            .append(payout.currencyCode())
            .append(" for ")
            .append(payout.businessDate())
            .append(" (")
            .append(payout.lineCount())
            .append(" lines), value ")
            .append(payout.valueDate());
    if (payout.statementId() != null || payout.statementLineId() != null) {
      text.append(", bank line ")
          .append(Objects.requireNonNullElse(payout.statementId(), "?"))
          .append('/')
          .append(Objects.requireNonNullElse(payout.statementLineId(), "?"));
    }
    if (payout.breakId() != null) {
      text.append(", break ").append(payout.breakId());
    }
    return text.toString();
  }

  /** Why part of the payout sits in suspense, when it does; null otherwise. */
  private static String reason(ProviderPayout payout) {
    if (payout.unexplainedMinor() == 0 && payout.chargebacksMinor() == 0) {
      return null;
    }
    return "to suspense: chargebacks "
        + payout.chargebacksMinor()
        + ", unexplained difference "
        + payout.unexplainedMinor()
        + (payout.breakId() == null ? "" : " (break " + payout.breakId() + ")");
  }

  private static Decision refuse(String code, String reason) {
    return new Decision.Refuse(new Refusal(code, reason));
  }

  /** What the rule decided. */
  public sealed interface Decision {

    /** Book {@code entry}, applied by {@code sourceId}. */
    record Book(EntryDraft entry, UUID sourceId) implements Decision {
      public Book {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sourceId, "sourceId");
      }

      /** The accounts the entry posts to, to open and lock before it is booked. */
      public List<AccountSpec> accounts() {
        return entry.postings().stream().map(PostingDraft::account).distinct().toList();
      }
    }

    /** Valid, but every line would be zero: nothing to book. */
    record NoMovement(String reason) implements Decision {}

    /** Cannot be booked, for the reason given: dead-lettered. */
    record Refuse(Refusal refusal) implements Decision {
      public Refuse {
        Objects.requireNonNull(refusal, "refusal");
      }
    }
  }
}
