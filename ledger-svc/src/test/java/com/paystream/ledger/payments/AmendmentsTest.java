package com.paystream.ledger.payments;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.Commands;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amendments from the gateway's commands topic, through the running service. */
class AmendmentsTest extends LedgerServiceTest {

  private String paymentId;

  @BeforeEach
  void aPaymentBookedAt10000() {
    paymentId = "pay-" + UUID.randomUUID();
    PaymentCallback payment = succeeded(paymentId, 10_000);
    send(payment);
    awaitProcessed(payment);
  }

  @Test
  void anAmendmentToWhatIsBookedHasNoFinancialEffectAndBooksNothing() {
    long entries = count("select count(*) from journal_entry");
    PaymentCommand same = Commands.amendment(paymentId, 10_000, "provider confirmed the amount");

    send(same);
    awaitProcessed(same.getCommandId());

    assertThat(outcomeOf(same.getCommandId())).isEqualTo("NO_FINANCIAL_EFFECT");
    assertThat(entriesOf(paymentId)).extracting(EntryView::entryType).containsExactly("PAYMENT");
    assertThat(count("select count(*) from journal_entry")).isEqualTo(entries);
  }

  @Test
  void anAmendmentToAnotherAmountIsBooked() {
    PaymentCommand other = Commands.amendment(paymentId, 9_000, "provider corrected the amount");

    send(other);
    awaitProcessed(other.getCommandId());

    assertThat(entriesOf(paymentId))
        .extracting(EntryView::entryType)
        .containsExactly("PAYMENT", "AMENDMENT");
  }
}
