package com.paystream.recon.statements.formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The part of a camt.053 statement reconciliation uses, the same for every message version the
 * parser reads. Fields are null where the message had nothing (or nothing valid); the converter
 * refuses what it needs and is missing.
 */
final class CamtModel {

  private CamtModel() {}

  record Statement(String id, String account, String accountCurrency, List<Entry> entries) {}

  /**
   * @param booked true when the status is BOOK; pending and information-only entries are not
   *     statement facts yet
   */
  record Entry(
      String entryRef,
      String servicerRef,
      Amount amount,
      String creditDebit,
      String status,
      LocalDate bookingDate,
      LocalDate valueDate,
      String additionalInfo,
      List<Transaction> transactions) {}

  record Transaction(
      String endToEndId, Amount amount, String creditDebit, List<String> remittance) {}

  record Amount(BigDecimal value, String currency) {}
}
