package com.paystream.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Relays recorded callbacks and commands onto Kafka until the ledger confirms them. */
@SpringBootApplication
public class RelayApplication {

  public static void main(String[] args) {
    SpringApplication.run(RelayApplication.class, args);
  }
}
