package com.paystream.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Our bank account as the simulator writes its statement: the provider's payouts on the day they
 * arrive, and the other transfers a test or scenario books on it (merchant payouts, their returns).
 */
final class Bank {

  private final Payouts payouts;
  private final List<BankLine> transfers = new ArrayList<>();

  Bank(Payouts payouts) {
    this.payouts = payouts;
  }

  void book(BankLine line) {
    synchronized (transfers) {
      transfers.add(line);
    }
  }

  /** The payouts arriving that day, by business date and currency, then the booked transfers. */
  BankStatement statement(LocalDate bookingDate) {
    List<BankLine> lines = new ArrayList<>();
    payouts.arriving(bookingDate).forEach(payout -> lines.add(BankLine.providerPayout(payout)));
    synchronized (transfers) {
      transfers.stream().filter(line -> line.bookingDate().equals(bookingDate)).forEach(lines::add);
    }
    return new BankStatement(bookingDate, lines);
  }
}
