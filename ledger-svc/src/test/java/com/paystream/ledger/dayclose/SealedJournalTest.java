package com.paystream.ledger.dayclose;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.LedgerApplication;
import com.paystream.ledger.journal.ChainLink;
import com.paystream.ledger.sealing.ChainHead;
import com.paystream.ledger.sealing.DaySeal;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.ledger.LedgerSeal;
import com.paystream.security.testing.Callers;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The sealed journal on the real broker and PostgreSQL: entries are chained as booked, the day
 * close seals and publishes the date, a posting rewritten by a superuser behind the triggers is
 * named by the verification, the seal survives a restart under a new consumer group, and a seal
 * recomputed by a superuser without the key is caught by its signature. The steps build on each
 * other, in order.
 */
@TestPropertySource(properties = "paystream.ledger.day-close.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedJournalTest extends DayCloseTestBase {

  private static final String DAY = "2026-03-01";
  private static final List<PaymentCallback> PAYMENTS = new ArrayList<>();

  @Autowired private DayCloseService closes;
  @Autowired private Environment environment;

  private Map<String, Object> verification(RestClient client) {
    return client
        .get()
        .uri("/v1/journal/verification")
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  @Test
  @Order(1)
  void bookedEntriesAreChainedPerPartitionAndVerify() {
    for (int i = 0; i < 6; i++) {
      PaymentCallback payment = succeeded("seal-" + i + "-" + UUID.randomUUID(), 1_000 + i);
      PAYMENTS.add(payment);
      send(payment);
    }
    PAYMENTS.forEach(this::awaitProcessed);

    assertThat(count("select count(*) from journal_entry where chain_id is null")).isZero();
    assertThat(
            count(
                "select count(*) from journal_entry where chain_id like ?",
                topics.callbacks() + "/%"))
        .isEqualTo(6);
    Map<String, Object> result = verification(http());
    assertThat(result).containsEntry("valid", true).containsEntry("entriesChecked", 6);
  }

  @Test
  @Order(2)
  void theCloseSealsTheDateAndPublishesTheSignedSeal() {
    clock.set(Instant.parse("2026-03-02T01:00:00Z"));
    assertThat(closes.close(LocalDate.parse(DAY))).isInstanceOf(CloseResult.Closed.class);

    DayStatus.Seal seal = status(DAY).seal();
    assertThat(seal.hash()).hasSize(64);
    assertThat(seal.keyId()).isEqualTo(SealKeys.keyId(SEAL_KEYS.getPublic()));
    DaySeal expected =
        DaySeal.of(
            LocalDate.parse(DAY),
            jdbc.query(
                "select chain_id, max(chain_seq) s from journal_entry group by chain_id",
                (rs, n) -> {
                  long last = rs.getLong(2);
                  return new ChainHead(
                      rs.getString(1),
                      last,
                      jdbc.queryForObject(
                          "select entry_hash from journal_entry where chain_id = ? and chain_seq = ?",
                          byte[].class,
                          rs.getString(1),
                          last));
                }));
    assertThat(seal.hash()).isEqualTo(expected.hashHex());

    await().atMost(DEADLINE).until(() -> !published(topics.seals(), LedgerSeal.class).isEmpty());
    LedgerSeal event = published(topics.seals(), LedgerSeal.class).get(0);
    assertThat(HexFormat.of().formatHex(bytes(event.getSealHash()))).isEqualTo(seal.hash());
    assertThat(event.getKeyId()).isEqualTo(seal.keyId());
    assertThat(verification(http())).containsEntry("valid", true).containsEntry("sealsChecked", 1);
  }

  @Test
  @Order(3)
  void aPostingRewrittenBehindTheTriggersIsNamed() {
    UUID victim =
        jdbc.queryForObject(
            "select id from journal_entry where payment_id = ?",
            UUID.class,
            PAYMENTS.get(3).getPaymentId());

    superuser(
        "update posting set amount_minor = amount_minor + 1 where entry_id = ? and line_no = 1",
        victim);
    try {
      Map<String, Object> result = verification(http());
      assertThat(result)
          .containsEntry("valid", false)
          .containsEntry("firstBrokenEntryId", victim.toString());
      assertThat((String) result.get("reason")).contains("does not match its stored hash");
    } finally {
      superuser(
          "update posting set amount_minor = amount_minor - 1 where entry_id = ? and line_no = 1",
          victim);
    }
    assertThat(verification(http())).containsEntry("valid", true);
  }

  @Test
  @Order(4)
  void theSealIsUnchangedAfterARestartUnderANewConsumerGroup() {
    String sealBefore = status(DAY).seal().hash();
    long entriesBefore = count("select count(*) from journal_entry");
    // A second ledger on the same database, under a new consumer group without offsets: it
    // resumes where the database says (ResumeFromDatabase) and commits that position, so the
    // group's offsets reach the end without a record being applied again.
    String replayGroup = consumerGroup + "-replay";
    // Command-line arguments: unlike default properties, they win over application.yml.
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username="
                    + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password="
                    + environment.getProperty("spring.datasource.password"),
                "--spring.flyway.user=" + environment.getProperty("spring.flyway.user"),
                "--spring.flyway.password=" + environment.getProperty("spring.flyway.password"),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--paystream.topics.prefix=" + topics.prefix(),
                "--paystream.ledger.consumer-group=" + replayGroup,
                "--paystream.ledger.day-close.enabled=false",
                "--paystream.ledger.outbox.enabled=false",
                "--logging.structured.format.console=",
                "--paystream.ledger.seal.private-key=" + SealKeys.pem(SEAL_KEYS.getPrivate()),
                "--paystream.ledger.seal.public-keys=" + SealKeys.pem(SEAL_KEYS.getPublic())));
    Callers.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
    try (ConfigurableApplicationContext restarted =
        new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new))) {
      await().atMost(DEADLINE).until(() -> committed(replayGroup) >= PAYMENTS.size());
      int port = restarted.getEnvironment().getProperty("local.server.port", Integer.class);
      RestClient client =
          RestClient.builder()
              .baseUrl("http://localhost:" + port)
              .defaultHeader("Authorization", "Bearer " + Callers.AUDITOR)
              .build();
      DayStatus after = client.get().uri("/v1/days/{d}", DAY).retrieve().body(DayStatus.class);
      assertThat(after.seal().hash()).isEqualTo(sealBefore);
      assertThat(verification(client)).containsEntry("valid", true);
    }
    assertThat(count("select count(*) from journal_entry")).isEqualTo(entriesBefore);
    assertThat(status(DAY).seal().hash()).isEqualTo(sealBefore);
  }

  @Test
  @Order(5)
  void aSealRecomputedWithoutTheKeyIsCaughtByItsSignature() {
    // A superuser rewrites an entry, recomputes its hash and the date's seal (the algorithms are
    // public), but cannot sign: every hash matches again, the signature does not.
    String chain =
        jdbc.queryForObject(
            "select chain_id from journal_entry where payment_id = ?",
            String.class,
            PAYMENTS.get(0).getPaymentId());
    long last = count("select max(chain_seq) from journal_entry where chain_id = ?", chain);
    UUID victim =
        jdbc.queryForObject(
            "select id from journal_entry where chain_id = ? and chain_seq = ?",
            UUID.class,
            chain,
            last);
    superuser(
        "update posting set amount_minor = amount_minor + 1 where entry_id = ? and line_no = 1",
        victim);
    assertThat(verification(http())).containsEntry("firstBrokenEntryId", victim.toString());

    var store = new com.paystream.ledger.sealing.persistence.SealStore(jdbc);
    var entry = store.page(chain, last, last, 1).get(0);
    byte[] forgedHash =
        ChainLink.hash(
            chain,
            last,
            entry.previousHash(),
            com.paystream.ledger.journal.EntryContent.digest(entry.content()));
    superuser("update journal_entry set entry_hash = ? where id = ?", forgedHash, victim);
    DaySeal forgedSeal = DaySeal.of(LocalDate.parse(DAY), store.headsAsOf(LocalDate.parse(DAY)));
    superuser(
        "update day_close set seal_hash = ? where business_date = ?::date", forgedSeal.hash(), DAY);

    Map<String, Object> result = verification(http());
    assertThat(result)
        .containsEntry("valid", false)
        .containsEntry("brokenSealDate", DAY)
        .doesNotContainKey("firstBrokenEntryId");
    assertThat((String) result.get("reason")).contains("signature");
  }

  private void superuser(String sql, Object... args) {
    superuser()
        .execute(
            (org.springframework.jdbc.core.ConnectionCallback<Void>)
                connection -> {
                  boolean auto = connection.getAutoCommit();
                  connection.setAutoCommit(false);
                  try (var st = connection.createStatement()) {
                    st.execute("set local session_replication_role = replica");
                  }
                  try (var st = connection.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                      st.setObject(i + 1, args[i]);
                    }
                    st.executeUpdate();
                  }
                  connection.commit();
                  connection.setAutoCommit(auto);
                  return null;
                });
  }

  private long committed(String group) throws Exception {
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topics.callbacks()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
