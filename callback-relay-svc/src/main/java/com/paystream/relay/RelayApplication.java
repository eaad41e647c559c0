package com.paystream.relay;

import com.paystream.security.servlet.ServletSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Relays recorded callbacks and commands onto Kafka until the ledger confirms them. */
@SpringBootApplication
@Import(ServletSecurity.class)
public class RelayApplication {

  public static void main(String[] args) {
    SpringApplication.run(RelayApplication.class, args);
  }
}
