package com.paystream.relay.support;

import com.paystream.relay.RelayApplication;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay application started in this JVM, as its own Spring context, for tests. */
public final class RelayInstance {

  private RelayInstance() {}

  /** Command-line arguments pointing a relay at a broker, a gateway database and a prefix. */
  public static List<String> arguments(
      String bootstrapServers, DatabaseCoordinates db, String prefix, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + db.jdbcUrl());
    args.add("--spring.datasource.username=" + db.runtime().username());
    args.add("--spring.datasource.password=" + db.runtime().password());
    args.add("--spring.flyway.user=" + db.owner().username());
    args.add("--spring.flyway.password=" + db.owner().password());
    args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
    args.add("--paystream.topics.prefix=" + prefix);
    args.addAll(List.of(extra));
    return args;
  }

  public static ConfigurableApplicationContext start(List<String> arguments) {
    return new SpringApplicationBuilder(RelayApplication.class)
        .run(arguments.toArray(String[]::new));
  }
}
