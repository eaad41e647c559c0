package com.paystream.recon;

import com.paystream.security.servlet.ServletSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Reconciles ledger cashflow against bank and provider statements. */
@SpringBootApplication
@Import(ServletSecurity.class)
public class ReconciliationApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReconciliationApplication.class, args);
  }
}
