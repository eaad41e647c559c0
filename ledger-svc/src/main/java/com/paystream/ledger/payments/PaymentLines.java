package com.paystream.ledger.payments;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.platform.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** The postings that book a payment, and the ones that take a booking back. */
final class PaymentLines {

  private PaymentLines() {}

  /** Debit provider clearing A, credit merchant A - F, credit fee revenue F; zero lines omitted. */
  static List<PostingDraft> booking(String provider, String merchantId, Money gross, Money fee) {
    Currency currency = gross.currency();
    List<PostingDraft> lines = new ArrayList<>(3);
    lines.add(
        PostingDraft.debit(ChartOfAccounts.providerClearing(provider, currency), gross.minor()));
    addIfPositive(
        lines,
        PostingDraft.credit(
            ChartOfAccounts.merchant(merchantId, currency), gross.minus(fee).minor()));
    addIfPositive(lines, PostingDraft.credit(ChartOfAccounts.feeRevenue(currency), fee.minor()));
    return lines;
  }

  /** The booking of {@code position} mirrored: what it debited is credited and vice versa. */
  static List<PostingDraft> reversal(PaymentPosition position) {
    return booking(position.provider(), position.merchantId(), position.gross(), position.fee())
        .stream()
        .map(line -> new PostingDraft(line.account(), line.side().opposite(), line.amountMinor()))
        .toList();
  }

  static Set<AccountSpec> accounts(String provider, String merchantId, Currency currency) {
    return Set.of(
        ChartOfAccounts.providerClearing(provider, currency),
        ChartOfAccounts.merchant(merchantId, currency),
        ChartOfAccounts.feeRevenue(currency));
  }

  private static void addIfPositive(List<PostingDraft> lines, PostingDraft line) {
    if (line.amountMinor() > 0) {
      lines.add(line);
    }
  }
}
