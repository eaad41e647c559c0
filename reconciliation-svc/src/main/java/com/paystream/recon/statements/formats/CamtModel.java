package com.paystream.recon.statements.formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The part of a camt.052 report or camt.053 statement reconciliation uses, the same for every
 * message version the parsers read. Fields are null where the message had nothing (or nothing
 * valid); the converter refuses what it needs and is missing.
 */
final class CamtModel {

  private CamtModel() {}

  /** A {@code Stmt} (camt.053) or {@code Rpt} (camt.052). */
  record Statement(String id, String account, String accountCurrency, List<Entry> entries) {}

  /**
   * @param status {@code BOOK}, {@code PDNG}, {@code INFO} (code or proprietary); pending and
   *     information-only entries are not statement facts yet
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
      TransactionCode code,
      List<Transaction> transactions) {}

  /**
   * @param code the transaction's own bank transaction code; null to use the entry's
   */
  record Transaction(
      String endToEndId,
      Amount amount,
      String creditDebit,
      List<String> remittance,
      TransactionCode code) {}

  record Amount(BigDecimal value, String currency) {}

  /**
   * {@code BkTxCd}: {@code Domn/Cd}, {@code Domn/Fmly/Cd}, {@code Domn/Fmly/SubFmlyCd}, {@code
   * Prtry/Cd}.
   */
  record TransactionCode(String domain, String family, String subFamily, String proprietary) {}
}
