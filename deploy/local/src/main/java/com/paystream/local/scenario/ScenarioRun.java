package com.paystream.local.scenario;

import com.paystream.local.scenario.DayPlan.Sale;
import com.paystream.simulator.ProviderSimulator;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of the day, shared by its phases: the services and the provider they talk to, the
 * workers, the progress line, and what the phases have learned so far (the gateway's id of every
 * sale, the refunds made, the ledger's books).
 */
final class ScenarioRun {

  /** How long the pipeline (gateway, relay, ledger, reconciliation) may take to catch up. */
  static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

  static final Duration POLL = Duration.ofMillis(500);

  private final DayScenario.Services services;
  private final ProviderSimulator provider;
  private final ScenarioSettings settings;
  private final ServiceApi api;
  private final Progress progress;
  private final Workers workers;
  private final LedgerBooks books;
  private final Map<Integer, String> paymentIds = new ConcurrentHashMap<>();
  private final Map<String, Sale> sales = new ConcurrentHashMap<>();
  private final Set<String> refunded = ConcurrentHashMap.newKeySet();

  ScenarioRun(
      DayScenario.Services services,
      ProviderSimulator provider,
      ScenarioSettings settings,
      ServiceApi api,
      Progress progress,
      Workers workers) {
    this.services = services;
    this.provider = provider;
    this.settings = settings;
    this.api = api;
    this.progress = progress;
    this.workers = workers;
    this.books = new LedgerBooks(api, services.ledger());
  }

  DayScenario.Services services() {
    return services;
  }

  ProviderSimulator provider() {
    return provider;
  }

  ScenarioSettings settings() {
    return settings;
  }

  ServiceApi api() {
    return api;
  }

  Progress progress() {
    return progress;
  }

  Workers workers() {
    return workers;
  }

  LedgerBooks books() {
    return books;
  }

  /** The gateway created the sale's payment under {@code paymentId}. */
  void created(Sale sale, String paymentId) {
    paymentIds.put(sale.number(), paymentId);
    sales.put(paymentId, sale);
  }

  /** The gateway's payment id of the sale. */
  String id(Sale sale) {
    return paymentIds.get(sale.number());
  }

  Sale sale(String paymentId) {
    return sales.get(paymentId);
  }

  /** The gateway accepted a refund of the payment. */
  void refunded(String paymentId) {
    refunded.add(paymentId);
  }

  /** The payments refunded so far. */
  Set<String> refunded() {
    return Collections.unmodifiableSet(refunded);
  }
}
