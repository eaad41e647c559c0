package com.paystream.relay;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.apidocs.ApiDescriptionFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The description the relay serves without credentials is the committed {@code
 * docs/api/callback-relay-svc.json}; {@code -Dpaystream.api.write=true} rewrites that file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionIT {

  private static final String PREFIX = SharedInfrastructure.uniqueName("apidocs") + ".";
  private static final GatewayOutbox OUTBOX = GatewayOutbox.create(PREFIX);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    GatewayOutbox.register(registry, OUTBOX::database);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> PREFIX);
  }

  @Test
  void servesTheCommittedDescription() {
    ApiDescriptionFile.check("http://localhost:" + port, "callback-relay-svc");
  }
}
