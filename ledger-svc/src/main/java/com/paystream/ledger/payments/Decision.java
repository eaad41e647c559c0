package com.paystream.ledger.payments;

import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.Refusal;
import java.util.Objects;

/** What the posting rules decided for one message. */
public sealed interface Decision {

  /** Book this entry; when it books, the payment's position becomes {@code positionAfter}. */
  record Post(EntryDraft entry, PaymentPosition positionAfter) implements Decision {
    public Post {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(positionAfter, "positionAfter");
    }
  }

  /** Applied, but moves no money (a PENDING status, a duplicate success...). */
  record NoFinancialEffect(String reason) implements Decision {}

  /** Can never be applied; dead-letter it with this reason. */
  record Refuse(Refusal refusal) implements Decision {}
}
