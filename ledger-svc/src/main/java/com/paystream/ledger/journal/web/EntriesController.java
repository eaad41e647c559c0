package com.paystream.ledger.journal.web;

import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerRefusedException;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.journal.persistence.JournalQueries;
import com.paystream.platform.input.InputPolicy;
import com.paystream.security.servlet.Actors;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Journal entries over HTTP; amounts are integer minor units with their currency. */
@RestController
public class EntriesController {

  private final JournalQueries queries;
  private final LedgerInput input;

  public EntriesController(JournalQueries queries, LedgerInput input) {
    this.queries = queries;
    this.input = input;
  }

  /** The entries of a payment, oldest first; empty when the ledger booked nothing for it. */
  @GetMapping("/v1/payments/{paymentId}/entries")
  public List<EntryView> entriesOfPayment(@PathVariable("paymentId") String paymentIdText) {
    String paymentId = input.identifier("paymentId", paymentIdText);
    List<EntryView> entries = queries.entriesOfPayment(paymentId);
    List<EntryView> visible = entries.stream().filter(EntriesController::visible).toList();
    if (visible.isEmpty() && !entries.isEmpty()) {
      throw LedgerRefusedException.notFound(
          "UNKNOWN_PAYMENT", "no payment " + InputPolicy.echo(paymentId));
    }
    return visible;
  }

  @GetMapping("/v1/entries/{entryId}")
  public EntryView entry(@PathVariable("entryId") String entryIdText) {
    UUID entryId = input.uuid("entryId", entryIdText);
    return queries
        .entry(entryId)
        .filter(EntriesController::visible)
        .orElseThrow(() -> LedgerRefusedException.notFound("UNKNOWN_ENTRY", "no entry " + entryId));
  }

  /** A merchant reads only the entries that touch one of its own accounts. */
  private static boolean visible(EntryView entry) {
    return Actors.current()
        .merchantId()
        .map(
            merchant ->
                entry.postings().stream()
                    .anyMatch(p -> ChartOfAccounts.belongsToMerchant(p.accountCode(), merchant)))
        .orElse(true);
  }
}
