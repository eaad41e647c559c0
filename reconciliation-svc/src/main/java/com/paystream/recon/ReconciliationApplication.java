package com.paystream.recon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Reconciles ledger cashflow against bank and provider statements. */
@SpringBootApplication
public class ReconciliationApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReconciliationApplication.class, args);
  }
}
