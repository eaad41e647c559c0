package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.demo.DemoProvider.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The day decided up front from the seed, so that a run can be replayed: who sells what to whom,
 * which customers' payments fail, which payments are refunded, and the one payment the provider
 * captures with a tip (which an operator then amends).
 */
record DayPlan(List<Sale> sales) {

  static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP");
  private static final double FAILURE_RATE = 0.06;
  private static final double REFUND_RATE = 0.03;
  private static final long MIN_AMOUNT_MINOR = 100;
  private static final long MAX_AMOUNT_MINOR = 40_000;

  /**
   * One payment of the day.
   *
   * @param succeeds whether the customer's payment goes through at the provider
   * @param refundMinor what the merchant refunds afterwards (0: nothing)
   * @param tipMinor what the provider captures on top of the order (0: exactly the order)
   */
  record Sale(
      int number,
      Merchant merchant,
      String currency,
      long amountMinor,
      boolean succeeds,
      long refundMinor,
      long tipMinor) {

    long capturedMinor() {
      return amountMinor + tipMinor;
    }
  }

  static DayPlan of(ScenarioSettings settings) {
    Random random = new Random(settings.seed());
    List<Sale> sales = new ArrayList<>(settings.payments());
    boolean tipped = false;
    for (int i = 0; i < settings.payments(); i++) {
      Merchant merchant = DemoProvider.MERCHANTS.get(random.nextInt(DemoProvider.MERCHANTS.size()));
      String currency = currency(random.nextDouble());
      long amount = amount(random.nextDouble());
      boolean succeeds = random.nextDouble() >= FAILURE_RATE;
      double refundDraw = random.nextDouble();
      double refundShare = random.nextDouble();
      long tip = 0;
      long refund = 0;
      if (succeeds && !tipped) {
        tip = Math.max(50, amount / 10);
        tipped = true;
      } else if (succeeds && refundDraw < REFUND_RATE) {
        // A third are refunded in full, the others in part.
        refund = refundShare < 1.0 / 3 ? amount : Math.max(1, Math.round(amount * refundShare));
      }
      sales.add(new Sale(i + 1, merchant, currency, amount, succeeds, refund, tip));
    }
    return new DayPlan(List.copyOf(sales));
  }

  /** Half the sales in EUR, 30 % in USD, 20 % in GBP. */
  private static String currency(double draw) {
    return draw < 0.5 ? "EUR" : draw < 0.8 ? "USD" : "GBP";
  }

  /** Log-uniform between 1.00 and 400.00: many small baskets, a few large ones. */
  private static long amount(double draw) {
    double low = Math.log(MIN_AMOUNT_MINOR);
    double high = Math.log(MAX_AMOUNT_MINOR);
    return Math.round(Math.exp(low + draw * (high - low)));
  }

  List<Sale> succeeded() {
    return sales.stream().filter(Sale::succeeds).toList();
  }

  List<Sale> refunded() {
    return sales.stream().filter(sale -> sale.refundMinor() > 0).toList();
  }

  Sale tipped() {
    return sales.stream().filter(sale -> sale.tipMinor() > 0).findFirst().orElse(null);
  }
}
