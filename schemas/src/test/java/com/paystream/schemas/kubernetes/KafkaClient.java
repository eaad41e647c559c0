package com.paystream.schemas.kubernetes;

import com.paystream.schemas.topics.Service;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one service does on Kafka besides writing (which the catalogue says): the topics it reads,
 * the topics its startup creates when missing ({@code TopicCatalogue.ensureCreated}, which needs
 * CREATE even when the topic exists: the broker refuses an unauthorised create before it looks),
 * its consumer groups, and its Kafka Streams application id, whose internal topics, group and
 * transactional ids start with it.
 *
 * <p>The catalogue names writers only, so the reading side lives here, next to the code it mirrors:
 * each entry names the class that reads. A service that reads a topic not listed here is refused by
 * the broker (TOPIC_AUTHORIZATION_FAILED), which is loud; one listed here that it no longer reads
 * keeps a READ it does not need, which is why every entry says who reads.
 *
 * @param service the service, whose {@code serviceName()} is its Kafka user
 * @param reads the topics it consumes, each with the reader
 * @param creates the topics its startup creates when missing
 * @param groups its consumer group ids
 * @param streamsApplicationId its Kafka Streams {@code application.id}, if it runs Streams
 */
record KafkaClient(
    Service service,
    List<Read> reads,
    List<Topic<?>> creates,
    List<String> groups,
    Optional<String> streamsApplicationId) {

  KafkaClient {
    Objects.requireNonNull(service, "service");
    reads = List.copyOf(reads);
    creates = List.copyOf(creates);
    groups = List.copyOf(groups);
    Objects.requireNonNull(streamsApplicationId, "streamsApplicationId");
  }

  /** A topic a service consumes, and the class that does. */
  record Read(Topic<?> topic, String reader) {}

  /** The four services, in the catalogue's {@link Service} order. */
  static final List<KafkaClient> ALL =
      List.of(
          new KafkaClient(
              Service.PAYMENT_GATEWAY,
              List.of(
                  new Read(
                      Topics.RECON_RESULTS,
                      "statusquery.kafka.ReconResultsListener (lost orders trigger a status query)"),
                  new Read(
                      Topics.PAYMENT_CALLBACKS,
                      "callbacks.config.CallbackReimportConfiguration (after a restore; assigned"
                          + " partitions, no group)")),
              // The gateway creates no topic: its records reach Kafka through the relay.
              List.of(),
              List.of("payment-gateway-svc.lost-orders"),
              Optional.empty()),
          new KafkaClient(
              Service.CALLBACK_RELAY,
              List.of(
                  new Read(Topics.LEDGER_ENTRIES, "confirmation.ConfirmationListener"),
                  new Read(Topics.PAYMENT_CALLBACKS_DLT, "confirmation.ConfirmationListener")),
              // RelayConfiguration.used
              List.of(
                  Topics.PAYMENT_CALLBACKS,
                  Topics.PAYMENT_COMMANDS,
                  Topics.PAYMENT_CALLBACKS_DLT,
                  Topics.LEDGER_ENTRIES,
                  Topics.AUDIT_EVENTS),
              List.of("callback-relay-svc"),
              Optional.empty()),
          new KafkaClient(
              Service.LEDGER,
              List.of(
                  new Read(Topics.PAYMENT_CALLBACKS, "booking.kafka.PaymentTopicsListener"),
                  new Read(Topics.PAYMENT_COMMANDS, "booking.kafka.PaymentTopicsListener"),
                  new Read(
                      Topics.RECON_SETTLEMENTS,
                      "settlement.kafka.ProviderSettlementListener (provider payouts to book)"),
                  new Read(
                      Topics.RECON_SETTLEMENTS,
                      "payouts.kafka.MerchantPayoutListener (merchant payouts the bank confirmed"
                          + " or returned)")),
              // LedgerTopics.owned
              List.of(
                  Topics.PAYMENT_CALLBACKS,
                  Topics.PAYMENT_COMMANDS,
                  Topics.PAYMENT_CALLBACKS_DLT,
                  Topics.LEDGER_ENTRIES,
                  Topics.LEDGER_CASHFLOW,
                  Topics.LEDGER_SEALS,
                  Topics.AUDIT_EVENTS,
                  Topics.RECON_SETTLEMENTS),
              List.of("ledger-svc", "ledger-svc.settlements", "ledger-svc.merchant-payouts"),
              Optional.empty()),
          new KafkaClient(
              Service.RECONCILIATION,
              List.of(
                  new Read(Topics.BANK_STATEMENTS, "matching.streams.MatchingTopology"),
                  new Read(Topics.LEDGER_CASHFLOW, "matching.streams.MatchingTopology"),
                  new Read(Topics.RECON_RESOLUTIONS, "matching.streams.MatchingTopology"),
                  new Read(
                      Topics.PAYMENT_CALLBACKS, "matching.streams.MatchingTopology (internal)"),
                  new Read(Topics.LEDGER_ENTRIES, "matching.streams.MatchingTopology (internal)")),
              // ReconTopics.used
              List.of(
                  Topics.LEDGER_CASHFLOW,
                  Topics.BANK_STATEMENTS,
                  Topics.PAYMENT_CALLBACKS,
                  Topics.LEDGER_ENTRIES,
                  Topics.RECON_RESULTS,
                  Topics.RECON_REPORTS,
                  Topics.RECON_DEAD_LETTERS,
                  Topics.RECON_RESOLUTIONS,
                  Topics.AUDIT_EVENTS,
                  Topics.RECON_SETTLEMENTS),
              // The Streams group is the application id; no other consumer.
              List.of("reconciliation-svc"),
              Optional.of("reconciliation-svc")));

  static KafkaClient of(Service service) {
    return ALL.stream()
        .filter(client -> client.service() == service)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Kafka client entry for " + service));
  }
}
