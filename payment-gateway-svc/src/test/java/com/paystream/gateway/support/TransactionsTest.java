package com.paystream.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.testsupport.GatewayDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The R2DBC statements of one transactional operator really share one transaction. */
@SpringBootTest
class TransactionsTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_transactions");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    // The gateway refuses to start without a signing secret per provider.
    registry.add(
        "paystream.webhooks.providers.simulator.secrets[0]",
        com.paystream.simulator.StandardWebhookSigner::newSecret);
  }

  @Autowired DatabaseClient db;
  @Autowired ReactiveTransactionManager transactionManager;

  private Mono<Long> txid() {
    return db.sql("select txid_current() as id").map(row -> row.get("id", Long.class)).one();
  }

  @Test
  void statementsInsideTheOperatorShareOneTransaction() {
    TransactionalOperator transaction = TransactionalOperator.create(transactionManager);

    Long[] ids =
        Mono.defer(() -> txid().zipWith(txid(), (a, b) -> new Long[] {a, b}))
            .as(transaction::transactional)
            .block(Duration.ofSeconds(10));

    assertThat(ids[0]).isEqualTo(ids[1]);
  }
}
