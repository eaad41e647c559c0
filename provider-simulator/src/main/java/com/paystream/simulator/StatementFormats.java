package com.paystream.simulator;

import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

/**
 * What the provider's statements and the bank's statements write alike: SWIFT and ISO 20022
 * amounts, dates, balances and bank transaction codes.
 */
final class StatementFormats {

  static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");
  static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private StatementFormats() {}

  /** An ISO 20022 bank transaction code: domain, family, sub-family. */
  record IsoCode(String domain, String family, String subFamily) {

    BankTransactionCodeStructure4 structure() {
      return new BankTransactionCodeStructure4()
          .setDomn(
              new BankTransactionCodeStructure5()
                  .setCd(domain)
                  .setFmly(
                      new BankTransactionCodeStructure6().setCd(family).setSubFmlyCd(subFamily)));
    }
  }

  static CashBalance8 camtBalance(String type, long minor, String currency, LocalDate date) {
    return new CashBalance8()
        .setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(type)))
        .setAmt(amount(Math.abs(minor), currency))
        .setCdtDbtInd(minor < 0 ? CreditDebitCode.DBIT : CreditDebitCode.CRDT)
        .setDt(new DateAndDateTime2Choice().setDt(date));
  }

  static ActiveOrHistoricCurrencyAndAmount amount(long minor, String currency) {
    return new ActiveOrHistoricCurrencyAndAmount()
        .setValue(major(minor, currency))
        .setCcy(currency);
  }

  /** {@code C|D yyMMdd currency amount}, the MT940 balance form. */
  static String swiftBalance(long minor, String currency, LocalDate date) {
    return (minor < 0 ? "D" : "C")
        + date.format(YYMMDD)
        + currency
        + swiftAmount(Math.abs(minor), currency);
  }

  /** SWIFT amounts: decimal comma, always present ({@code 49,95}, {@code 1000,}). */
  static String swiftAmount(long minor, String currency) {
    String plain = major(minor, currency).toPlainString();
    return plain.contains(".") ? plain.replace('.', ',') : plain + ",";
  }

  static BigDecimal major(long minor, String currency) {
    return BigDecimal.valueOf(minor)
        .movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits());
  }
}
