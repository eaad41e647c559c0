package com.paystream.ledger.payments;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The posting rules: pure functions from a message and the payment's position to a decision.
 *
 * <p>A {@code SUCCEEDED} callback of amount A with merchant fee F books one PAYMENT entry: debit
 * the provider's clearing account A (the provider owes us), credit the merchant A - F (we owe the
 * merchant), credit fee revenue F (omitted when F is 0). A payment is booked once: a further
 * success for it, with another callback id, has no financial effect. Statuses that move no money
 * (CREATED, PENDING, FAILED, CANCELLED before a success, REFUNDED, which the ledger books from the
 * refund command) are applied with no financial effect. A status this version cannot read is
 * refused, because the ledger cannot know whether it moves money. Commands follow {@link
 * CommandRules}.
 */
public final class PostingRules {

  private final FeePolicy fees;
  private final CommandRules commands;

  public PostingRules(FeePolicy fees) {
    this.fees = Objects.requireNonNull(fees, "fees");
    this.commands = new CommandRules(fees);
  }

  public Decision decide(PaymentMessage message, Optional<PaymentPosition> position) {
    if (message instanceof CallbackReceived callback) {
      return decideCallback(callback, position);
    }
    return commands.decide((CommandReceived) message, position);
  }

  /**
   * Every account the message could post to, so the caller can create and lock them before the
   * batch is planned. Empty when the message cannot move money.
   */
  public Set<AccountSpec> accountsFor(PaymentMessage message, Optional<PaymentPosition> position) {
    if (message instanceof CallbackReceived callback) {
      if (callback.status() != ReportedStatus.SUCCEEDED || validate(callback).isPresent()) {
        return Set.of();
      }
      return PaymentLines.accounts(
          callback.provider(), callback.merchantId(), Money.currency(callback.currencyCode()));
    }
    return commands.accountsFor((CommandReceived) message, position);
  }

  private Decision decideCallback(CallbackReceived callback, Optional<PaymentPosition> position) {
    return switch (callback.status()) {
      case SUCCEEDED -> decideSuccess(callback, position);
      case UNKNOWN ->
          refuse(
              Refusal.UNKNOWN_STATUS,
              "callback " + callback.callbackId() + " has a status this ledger cannot read");
      case CREATED, PENDING ->
          new Decision.NoFinancialEffect("status " + callback.status() + " moves no money");
      case FAILED, CANCELLED ->
          new Decision.NoFinancialEffect(
              position.isPresent()
                  ? "status "
                      + callback.status()
                      + " after the payment was booked; corrections come as commands"
                  : "status " + callback.status() + " before any success moves no money");
      case REFUNDED -> new Decision.NoFinancialEffect("refunds are booked from the refund command");
    };
  }

  private Decision decideSuccess(CallbackReceived callback, Optional<PaymentPosition> position) {
    if (position.isPresent()) {
      PaymentPosition booked = position.get();
      return new Decision.NoFinancialEffect(
          "payment "
              + booked.paymentId()
              + " is already booked by entry "
              + booked.bookingEntryId()
              + (booked.gross().minor() == callback.amountMinor()
                  ? ""
                  : " with another amount (" + booked.gross().minor() + ")"));
    }
    Optional<Refusal> invalid = validate(callback);
    if (invalid.isPresent()) {
      return new Decision.Refuse(invalid.get());
    }
    Currency currency = Money.currency(callback.currencyCode());
    return bookNew(
        EntryType.PAYMENT,
        callback.callbackId(),
        callback.paymentId(),
        callback.merchantId(),
        callback.provider(),
        new Money(callback.amountMinor(), currency),
        "payment " + callback.paymentId() + " succeeded at " + callback.provider(),
        null,
        null,
        null);
  }

  /** A first booking of a payment (PAYMENT from a callback, SUPPLEMENT from a command). */
  Decision bookNew(
      EntryType type,
      java.util.UUID sourceEventId,
      String paymentId,
      String merchantId,
      String provider,
      Money amount,
      String description,
      String requestedBy,
      String approvedBy,
      String reason) {
    Money fee = fees.scheduleFor(merchantId).feeFor(amount);
    EntryDraft entry =
        new EntryDraft(
            EntryIds.forSource(sourceEventId),
            type,
            new PaymentId(paymentId),
            description,
            null,
            requestedBy,
            approvedBy,
            reason,
            PaymentLines.booking(provider, merchantId, amount, fee));
    PaymentPosition after =
        new PaymentPosition(
            new PaymentId(paymentId),
            merchantId,
            provider,
            amount,
            fee,
            Money.zero(amount.currency()),
            entry.id(),
            PaymentPosition.State.BOOKED);
    return new Decision.Post(entry, after);
  }

  /** Checks what a success must carry before it can move money. */
  static Optional<Refusal> validate(CallbackReceived callback) {
    Optional<Refusal> reference =
        References.check(callback.paymentId(), callback.merchantId(), callback.provider());
    if (reference.isPresent()) {
      return reference;
    }
    return Amounts.check(callback.amountMinor(), callback.currencyCode());
  }

  private static Decision refuse(String code, String reason) {
    return new Decision.Refuse(new Refusal(code, reason));
  }

  /** Validation of the ids that end up in account codes and keys. */
  static final class References {

    private References() {}

    static Optional<Refusal> check(String paymentId, String merchantId, String provider) {
      try {
        new PaymentId(paymentId);
        new MerchantId(merchantId);
        // A provider code names an account; it follows the same rules as our ids.
        new MerchantId(provider);
        return Optional.empty();
      } catch (IllegalArgumentException | NullPointerException e) {
        return Optional.of(
            new Refusal(Refusal.INVALID_REFERENCE, "invalid reference: " + e.getMessage()));
      }
    }
  }

  /** Validation of an amount that is to move: an ISO currency and a positive number. */
  static final class Amounts {

    private Amounts() {}

    static Optional<Refusal> check(long amountMinor, String currencyCode) {
      try {
        Money.currency(currencyCode);
      } catch (IllegalArgumentException e) {
        return Optional.of(new Refusal(Refusal.INVALID_CURRENCY, e.getMessage()));
      }
      if (amountMinor <= 0) {
        return Optional.of(
            new Refusal(
                Refusal.INVALID_AMOUNT, "an amount to book must be positive, got " + amountMinor));
      }
      return Optional.empty();
    }
  }
}
