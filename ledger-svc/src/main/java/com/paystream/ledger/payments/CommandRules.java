package com.paystream.ledger.payments;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Posting rules for the gateway's commands. Corrections never edit: each is a new entry.
 *
 * <ul>
 *   <li><b>Refund</b> R of a booked payment: REFUND entry, debit merchant R, credit provider
 *       clearing R (the provider pays the payer back on our behalf). The fee is not returned. At
 *       most the gross amount less earlier refunds; the merchant must hold R (no overdraft).
 *   <li><b>Cancellation</b>: before a booking, no financial effect; after one, a REVERSAL entry
 *       that mirrors the booking (credit clearing A, debit merchant A - F, debit fee F) and
 *       references it. Not after a refund (amend instead).
 *   <li><b>Amendment</b> to amount A' / status S' (reason required): one AMENDMENT entry that
 *       references the booking it corrects and holds, first, the corrected booking (when S' is
 *       SUCCEEDED) and then the mirror of the old one, so the merchant is credited before being
 *       debited. Not after a refund. An amendment to what is booked (same amount, currency and fee)
 *       has no financial effect: it would book a zero-net entry.
 *   <li><b>Supplement</b> (reason and evidence required): books a payment the ledger never saw,
 *       like a success (SUPPLEMENT entry); no effect when the payment is already booked, and a
 *       later success callback then has no effect either.
 * </ul>
 *
 * A command for a payment the ledger has not booked yet is refused as retryable
 * (PAYMENT_NOT_BOOKED): commands and callbacks travel on different topics. The booking parks such a
 * command and decides it again, by these rules, when it books the payment.
 */
final class CommandRules {

  private final FeePolicy fees;

  CommandRules(FeePolicy fees) {
    this.fees = fees;
  }

  Decision decide(CommandReceived command, Optional<PaymentPosition> position) {
    Optional<Refusal> reference =
        PostingRules.References.check(
            command.paymentId(), command.merchantId(), command.provider());
    if (reference.isPresent()) {
      return new Decision.Refuse(reference.get());
    }
    if (position.isPresent() && !samePayment(command, position.get())) {
      return refuse(
          Refusal.REFERENCE_MISMATCH,
          "command names merchant "
              + command.merchantId()
              + " at "
              + command.provider()
              + " but payment "
              + command.paymentId()
              + " is booked for merchant "
              + position.get().merchantId()
              + " at "
              + position.get().provider());
    }
    CommandReceived.Body body = command.body();
    if (body instanceof CommandReceived.Refund refund) {
      return refund(command, refund, position);
    }
    if (body instanceof CommandReceived.Cancellation) {
      return cancel(command, position);
    }
    if (body instanceof CommandReceived.Amendment amendment) {
      return amend(command, amendment, position);
    }
    return supplement(command, (CommandReceived.Supplement) body, position);
  }

  Set<AccountSpec> accountsFor(CommandReceived command, Optional<PaymentPosition> position) {
    Set<AccountSpec> accounts = new HashSet<>();
    position.ifPresent(
        p -> accounts.addAll(PaymentLines.accounts(p.provider(), p.merchantId(), p.currency())));
    String currencyCode = null;
    long amountMinor = 0;
    if (command.body() instanceof CommandReceived.Amendment amendment) {
      currencyCode = amendment.currencyCode();
      amountMinor = amendment.amountMinor();
    } else if (command.body() instanceof CommandReceived.Supplement supplement) {
      currencyCode = supplement.currencyCode();
      amountMinor = supplement.amountMinor();
    }
    if (currencyCode != null
        && PostingRules.Amounts.check(amountMinor, currencyCode).isEmpty()
        && PostingRules.References.check(
                command.paymentId(), command.merchantId(), command.provider())
            .isEmpty()) {
      accounts.addAll(
          PaymentLines.accounts(
              command.provider(), command.merchantId(), Money.currency(currencyCode)));
    }
    return accounts;
  }

  private Decision refund(
      CommandReceived command, CommandReceived.Refund refund, Optional<PaymentPosition> position) {
    Optional<Refusal> invalid =
        PostingRules.Amounts.check(refund.amountMinor(), refund.currencyCode());
    if (invalid.isPresent()) {
      return new Decision.Refuse(invalid.get());
    }
    if (position.isEmpty()) {
      return notBooked(command);
    }
    PaymentPosition booked = position.get();
    if (!booked.currency().getCurrencyCode().equals(refund.currencyCode())) {
      return refuse(
          Refusal.CURRENCY_MISMATCH,
          "refund in " + refund.currencyCode() + " of a payment booked in " + booked.currency());
    }
    Money amount = new Money(refund.amountMinor(), booked.currency());
    if (amount.compareTo(booked.refundable()) > 0) {
      return refuse(
          Refusal.REFUND_EXCEEDS_CAPTURED,
          "refund of "
              + amount.minor()
              + " exceeds the refundable "
              + booked.refundable().minor()
              + " of payment "
              + booked.paymentId());
    }
    EntryDraft entry =
        entry(
            command,
            EntryType.REFUND,
            "refund " + refund.refundId() + " of payment " + command.paymentId(),
            null,
            List.of(
                PostingDraft.debit(
                    ChartOfAccounts.merchant(booked.merchantId(), booked.currency()),
                    amount.minor()),
                PostingDraft.credit(
                    ChartOfAccounts.providerClearing(booked.provider(), booked.currency()),
                    amount.minor())));
    return new Decision.Post(entry, booked.withRefunded(booked.refunded().plus(amount)));
  }

  private Decision cancel(CommandReceived command, Optional<PaymentPosition> position) {
    if (position.isEmpty()) {
      return new Decision.NoFinancialEffect("cancelled before any success: nothing was booked");
    }
    PaymentPosition booked = position.get();
    if (booked.state() == PaymentPosition.State.REVERSED) {
      return new Decision.NoFinancialEffect(
          "payment " + booked.paymentId() + " is already reversed");
    }
    if (booked.refunded().isPositive()) {
      return refuse(
          Refusal.NOT_ALLOWED_AFTER_REFUND,
          "payment " + booked.paymentId() + " was partly refunded; amend it instead of cancelling");
    }
    EntryDraft entry =
        entry(
            command,
            EntryType.REVERSAL,
            "cancellation of payment " + booked.paymentId(),
            booked,
            PaymentLines.reversal(booked));
    return new Decision.Post(entry, booked.reversedBy(entry.id()));
  }

  private Decision amend(
      CommandReceived command,
      CommandReceived.Amendment amendment,
      Optional<PaymentPosition> position) {
    if (command.reason().isBlank()) {
      return refuse(Refusal.MISSING_REASON, "an amendment must say why");
    }
    boolean succeeded = amendment.status() == ReportedStatus.SUCCEEDED;
    if (succeeded) {
      Optional<Refusal> invalid =
          PostingRules.Amounts.check(amendment.amountMinor(), amendment.currencyCode());
      if (invalid.isPresent()) {
        return new Decision.Refuse(invalid.get());
      }
    }
    if (position.isEmpty()) {
      return succeeded
          ? notBooked(command)
          : new Decision.NoFinancialEffect("amended to " + amendment.status() + "; nothing booked");
    }
    PaymentPosition booked = position.get();
    if (booked.refunded().isPositive()) {
      return refuse(
          Refusal.NOT_ALLOWED_AFTER_REFUND,
          "payment " + booked.paymentId() + " was partly refunded and cannot be amended");
    }
    boolean wasBooked = booked.state() == PaymentPosition.State.BOOKED;
    if (!succeeded && !wasBooked) {
      return new Decision.NoFinancialEffect(
          "payment " + booked.paymentId() + " is already reversed");
    }
    List<PostingDraft> lines = new ArrayList<>();
    Currency currency = succeeded ? Money.currency(amendment.currencyCode()) : booked.currency();
    // What the amendment books; nothing when it amends to a status that moves no money.
    Money gross = succeeded ? new Money(amendment.amountMinor(), currency) : Money.zero(currency);
    Money fee =
        succeeded ? fees.scheduleFor(booked.merchantId()).feeFor(gross) : Money.zero(currency);
    if (succeeded && wasBooked && gross.equals(booked.gross()) && fee.equals(booked.fee())) {
      // The books already say what the amendment says (the ledger booked what the provider took,
      // the gateway's record catches up): an entry whose corrected booking and mirror cancel out
      // would say something changed when nothing did.
      return new Decision.NoFinancialEffect(
          "payment "
              + booked.paymentId()
              + " is already booked at "
              + gross
              + " with fee "
              + fee
              + ": the amendment changes nothing in the books");
    }
    if (succeeded) {
      lines.addAll(PaymentLines.booking(booked.provider(), booked.merchantId(), gross, fee));
    }
    if (wasBooked) {
      lines.addAll(PaymentLines.reversal(booked));
    }
    EntryDraft entry =
        entry(
            command,
            EntryType.AMENDMENT,
            "amendment of payment "
                + booked.paymentId()
                + " to "
                + amendment.status()
                + (succeeded ? " " + amendment.amountMinor() + " " + currency : ""),
            wasBooked ? booked : null,
            lines);
    PaymentPosition after =
        succeeded
            ? new PaymentPosition(
                booked.paymentId(),
                booked.merchantId(),
                booked.provider(),
                gross,
                fee,
                Money.zero(currency),
                entry.id(),
                PaymentPosition.State.BOOKED)
            : booked.reversedBy(entry.id());
    return new Decision.Post(entry, after);
  }

  private Decision supplement(
      CommandReceived command,
      CommandReceived.Supplement supplement,
      Optional<PaymentPosition> position) {
    if (command.reason().isBlank() || supplement.evidenceReference().isBlank()) {
      return refuse(Refusal.MISSING_REASON, "a supplement must give a reason and its evidence");
    }
    if (position.isPresent()) {
      return new Decision.NoFinancialEffect(
          "payment " + command.paymentId() + " is already booked; nothing to supplement");
    }
    Optional<Refusal> invalid =
        PostingRules.Amounts.check(supplement.amountMinor(), supplement.currencyCode());
    if (invalid.isPresent()) {
      return new Decision.Refuse(invalid.get());
    }
    Money amount = new Money(supplement.amountMinor(), Money.currency(supplement.currencyCode()));
    Money fee = fees.scheduleFor(command.merchantId()).feeFor(amount);
    EntryDraft entry =
        entry(
            command,
            EntryType.SUPPLEMENT,
            "supplementary booking of payment "
                + command.paymentId()
                + " proven by "
                + supplement.evidenceReference(),
            null,
            PaymentLines.booking(command.provider(), command.merchantId(), amount, fee));
    return new Decision.Post(
        entry,
        new PaymentPosition(
            new PaymentId(command.paymentId()),
            command.merchantId(),
            command.provider(),
            amount,
            fee,
            Money.zero(amount.currency()),
            entry.id(),
            PaymentPosition.State.BOOKED));
  }

  private static EntryDraft entry(
      CommandReceived command,
      EntryType type,
      String description,
      PaymentPosition reverses,
      List<PostingDraft> lines) {
    return new EntryDraft(
        EntryIds.forSource(command.commandId()),
        type,
        new PaymentId(command.paymentId()),
        description,
        reverses == null ? null : reverses.bookingEntryId(),
        command.requestedBy(),
        blankToNull(command.approvedBy()),
        command.reason().isBlank() ? null : command.reason(),
        lines);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static boolean samePayment(CommandReceived command, PaymentPosition position) {
    return position.merchantId().equals(command.merchantId())
        && position.provider().equals(command.provider());
  }

  private static Decision notBooked(CommandReceived command) {
    return refuse(
        Refusal.PAYMENT_NOT_BOOKED,
        "payment " + command.paymentId() + " is not booked (yet); the command can be re-driven");
  }

  private static Decision refuse(String code, String reason) {
    return new Decision.Refuse(new Refusal(code, reason));
  }
}
