package com.paystream.ledger;

import com.paystream.security.servlet.ServletSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Double-entry ledger that applies every callback and command exactly once. */
@SpringBootApplication
@Import(ServletSecurity.class)
public class LedgerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LedgerApplication.class, args);
  }
}
