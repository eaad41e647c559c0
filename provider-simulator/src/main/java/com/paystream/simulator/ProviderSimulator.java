package com.paystream.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A payment provider over real HTTP, speaking the provider REST protocol of {@code
 * RestProviderClient}: it creates payments (idempotent by key), answers status queries, refunds and
 * cancels. Settling a payment ({@link #settle}) sends a Standard Webhooks callback, signed with the
 * configured secret, to the gateway, subject to the configured {@link WebhookFaults}, and retries a
 * failed delivery on a backoff schedule as a real provider does ({@link #deliveryRetries}); {@link
 * #stats} counts what became of every webhook. It keeps the provider's statement of settled
 * payments ({@link #statement}), pays out each business day ({@link #payouts}) and writes our
 * bank's statement on which the payouts arrive ({@link #bankStatement}).
 *
 * <p>The one entry point to the simulator; the work is done by its parts: the HTTP API ({@link
 * ProviderHttpApi}), the payments ({@link PaymentStore}), the webhooks ({@link WebhookDelivery})
 * and the books ({@link StatementLines}).
 *
 * <p>Safe to settle from many threads at once. The fault decisions come from a random seeded at
 * construction, so one thread settling in the same order gets the same faults under the same seed.
 */
public final class ProviderSimulator implements AutoCloseable {

  private final String providerName;
  private final StatementLines statement;
  private final PaymentStore store;
  private final WebhookDelivery delivery;
  private final Settlements settlements;
  private final ProviderHttpApi api;
  private final Payouts payouts;
  private final Bank bank;

  public ProviderSimulator(String webhookSecret, long seed) {
    this(webhookSecret, seed, "simulator");
  }

  /**
   * @param providerName the provider's name on its statement (the gateway's name for it)
   */
  public ProviderSimulator(String webhookSecret, long seed, String providerName) {
    this(webhookSecret, seed, providerName, 0);
  }

  /**
   * @param providerName the provider's name on its statement (the gateway's name for it)
   * @param port where to listen on 127.0.0.1; 0 for any free port
   */
  public ProviderSimulator(String webhookSecret, long seed, String providerName, int port) {
    Clock clock = Clock.systemUTC();
    this.providerName = providerName;
    this.statement = new StatementLines(providerName);
    this.store = new PaymentStore(statement, clock);
    this.delivery = new WebhookDelivery(webhookSecret, seed, clock);
    this.settlements = new Settlements(store, delivery);
    this.payouts = new Payouts(providerName, statement, seed);
    this.bank = new Bank(payouts);
    this.api = new ProviderHttpApi(store, settlements, payouts, bank, port);
  }

  public String baseUrl() {
    return api.baseUrl();
  }

  /**
   * Where the gateway takes this provider's webhooks, e.g. {@code
   * http://host:port/v1/webhooks/simulator}.
   */
  public void webhookUrl(String url) {
    delivery.webhookUrls(List.of(url));
  }

  /**
   * Where the gateway's instances take this provider's webhooks: each delivery attempt goes to the
   * next one in turn (round robin, as a load balancer in front of them would), and an instance that
   * refuses the connection is skipped for the next, as a health-checked balancer would.
   */
  public void webhookUrls(List<String> urls) {
    delivery.webhookUrls(urls);
  }

  /** Per webhook URL (gateway instance), the deliveries it acknowledged with a 2xx. */
  public Map<String, Long> acknowledgedBy() {
    return delivery.acknowledgedBy();
  }

  public void faults(WebhookFaults newFaults) {
    delivery.faults(newFaults);
  }

  /** The next {@code count} API requests fail with 503, as a provider outage does. */
  public void failNextRequests(int count) {
    api.failNextRequests(count);
  }

  /**
   * How long each delivery attempt waits after a failed one before the next: the number of waits is
   * the number of retries, after which the delivery is given up. By default 1, 2, 4, 8, 15 and 30
   * seconds (about a minute in all); none means a single attempt.
   */
  public void deliveryRetries(Duration... waits) {
    delivery.deliveryRetries(waits);
  }

  /**
   * How long one delivery attempt may take, connecting included, before it counts as failed; 10
   * seconds by default.
   */
  public void deliveryTimeout(Duration timeout) {
    delivery.deliveryTimeout(timeout);
  }

  /** HTTP responses the gateway gave to webhook deliveries, whatever their status. */
  public int webhooksSent() {
    return delivery.webhooksSent();
  }

  /** Status queries answered so far (found or not). */
  public int statusQueries() {
    return api.statusQueries();
  }

  /** What became of the webhooks so far, as one consistent snapshot. */
  public WebhookStats stats() {
    return delivery.stats();
  }

  /**
   * When the gateway first answered 2xx to the webhook of the payment's latest settlement; empty
   * while it has not (yet), or when no webhook was sent.
   */
  public Optional<Instant> acknowledgedAt(String paymentId) {
    return delivery.acknowledgedAt(paymentId);
  }

  /**
   * Payments whose latest settlement's webhook was dropped by the faults or given up after the last
   * retry: the gateway can learn their outcome only by a status query.
   */
  public Set<String> unannounced() {
    return delivery.unannounced();
  }

  public Optional<SimulatedPayment> payment(String paymentId) {
    return store.byPaymentId(paymentId);
  }

  /**
   * The customer finished paying (or failed to): the payment takes {@code status} and the provider
   * tells the gateway by webhook, as unreliably as the faults say and retrying failed deliveries
   * (see {@link #deliveryRetries}).
   *
   * <p>The delivery runs on its own; the returned {@code Mono} completes once the fate of the
   * webhook's first send is decided: acknowledged, dropped, held back or given up. It never fails
   * because the gateway is unreachable or answers an error (see {@link #stats}); it fails only for
   * an unknown payment.
   */
  public Mono<Void> settle(String paymentId, String status) {
    return settlements.settle(paymentId, status, OptionalLong.empty());
  }

  /**
   * Settles the payment {@code SUCCEEDED} for {@code capturedAmountMinor} instead of the amount
   * ordered (a tip, a partial capture): the provider's payment takes that amount, so the status
   * query, the webhook and the statement line all carry it. Otherwise as {@link #settle(String,
   * String)}.
   *
   * @throws IllegalArgumentException if the amount is not positive or the status is not {@code
   *     SUCCEEDED}
   */
  public Mono<Void> settle(String paymentId, String status, long capturedAmountMinor) {
    if (capturedAmountMinor <= 0) {
      throw new IllegalArgumentException(
          "a captured amount is positive, not " + capturedAmountMinor);
    }
    if (!"SUCCEEDED".equals(status)) {
      throw new IllegalArgumentException("only a SUCCEEDED payment captures an amount");
    }
    return settlements.settle(paymentId, status, OptionalLong.of(capturedAmountMinor));
  }

  /**
   * The provider's statement for a business date (UTC) in the provider CSV format that
   * reconciliation-svc ingests; see {@link ProviderStatement#csv}.
   */
  public String statementCsv(LocalDate businessDate) {
    return statement(businessDate).csv();
  }

  /** The provider's statement for a business date (UTC), in every format it can be written in. */
  public ProviderStatement statement(LocalDate businessDate) {
    return statement.statement(businessDate);
  }

  /** When the provider pays out; {@link PayoutSchedule#WEEKDAYS} by default. */
  public void payoutSchedule(PayoutSchedule schedule) {
    payouts.schedule(schedule);
  }

  /** What goes wrong with payouts; {@link PayoutFaults#NONE} by default. */
  public void payoutFaults(PayoutFaults faults) {
    payouts.faults(faults);
  }

  /**
   * The payout report of a business date: per currency one {@link Payout} of what the provider
   * booked for it (see {@link PayoutSchedule}); empty on a day that is not a business day or has no
   * bookings. Final once the date is over; asked before, it grows with the day's bookings.
   */
  public PayoutReport payouts(LocalDate businessDate) {
    return new PayoutReport(businessDate, payouts.of(businessDate));
  }

  /** The payout reference of a currency's payout of a business date, {@code po_<provider>_…}. */
  public String payoutReference(String currency, LocalDate businessDate) {
    return Payout.reference(providerName, currency, businessDate);
  }

  /**
   * Our bank's statement of a booking date: the provider's payouts that arrive that day (late ones
   * included, missing ones never) and the transfers booked with {@link #bankTransfer}.
   */
  public BankStatement bankStatement(LocalDate bookingDate) {
    return bank.statement(bookingDate);
  }

  /**
   * Books another transfer on our bank account, on the statement of its booking date: a merchant
   * payout ({@link BankLine#merchantPayout}) or its return ({@link
   * BankLine#merchantPayoutReturned}).
   */
  public void bankTransfer(BankLine line) {
    bank.book(java.util.Objects.requireNonNull(line, "line"));
  }

  @Override
  public void close() {
    delivery.close();
    api.close();
  }
}
