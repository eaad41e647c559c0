package com.paystream.recon.statements.formats;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The camt.053 versions reconciliation reads, each mapped from its Prowide model to {@link
 * CamtModel}: .001.02 (the SEPA version most banks still send) and .001.08 (SWIFT CBPR+).
 */
final class CamtVersions {

  static final String NS_02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
  static final String NS_08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

  /** The Prowide class (and its JAXB classes) per namespace. */
  static final Map<String, Class<?>> MODEL_CLASSES =
      Map.of(NS_02, MxCamt05300102.class, NS_08, MxCamt05300108.class);

  static Class<?>[] jaxbClasses(String namespace) {
    return NS_02.equals(namespace) ? MxCamt05300102._classes : MxCamt05300108._classes;
  }

  private CamtVersions() {}

  static List<CamtModel.Statement> statements(Object message) {
    if (message instanceof MxCamt05300108 v08) {
      return v08.getBkToCstmrStmt() == null
          ? List.of()
          : v08.getBkToCstmrStmt().getStmt().stream().map(CamtVersions::statement).toList();
    }
    MxCamt05300102 v02 = (MxCamt05300102) message;
    return v02.getBkToCstmrStmt() == null
        ? List.of()
        : v02.getBkToCstmrStmt().getStmt().stream().map(CamtVersions::statement).toList();
  }

  // --- camt.053.001.08 -----------------------------------------------------------------------

  private static CamtModel.Statement statement(AccountStatement9 stmt) {
    String account = stmt.getAcct() == null ? null : account(stmt.getAcct().getId());
    String currency = stmt.getAcct() == null ? null : stmt.getAcct().getCcy();
    List<CamtModel.Entry> entries = new ArrayList<>();
    for (ReportEntry10 entry : stmt.getNtry()) {
      entries.add(entry(entry));
    }
    return new CamtModel.Statement(stmt.getId(), account, currency, entries);
  }

  private static CamtModel.Entry entry(ReportEntry10 entry) {
    List<CamtModel.Transaction> transactions = new ArrayList<>();
    for (EntryDetails9 details : entry.getNtryDtls()) {
      for (EntryTransaction10 tx : details.getTxDtls()) {
        transactions.add(
            new CamtModel.Transaction(
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                amount(tx.getAmt()),
                code(tx.getCdtDbtInd()),
                tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getUstrd()));
      }
    }
    return new CamtModel.Entry(
        entry.getNtryRef(),
        entry.getAcctSvcrRef(),
        amount(entry.getAmt()),
        code(entry.getCdtDbtInd()),
        entry.getSts() == null ? null : entry.getSts().getCd(),
        date(entry.getBookgDt()),
        date(entry.getValDt()),
        entry.getAddtlNtryInf(),
        transactions);
  }

  private static LocalDate date(DateAndDateTime2Choice choice) {
    return choice == null ? null : date(choice.getDt(), choice.getDtTm());
  }

  // --- camt.053.001.02 -----------------------------------------------------------------------

  private static CamtModel.Statement statement(AccountStatement2 stmt) {
    String account = stmt.getAcct() == null ? null : account(stmt.getAcct().getId());
    String currency = stmt.getAcct() == null ? null : stmt.getAcct().getCcy();
    List<CamtModel.Entry> entries = new ArrayList<>();
    for (ReportEntry2 entry : stmt.getNtry()) {
      entries.add(entry(entry));
    }
    return new CamtModel.Statement(stmt.getId(), account, currency, entries);
  }

  private static CamtModel.Entry entry(ReportEntry2 entry) {
    List<CamtModel.Transaction> transactions = new ArrayList<>();
    for (EntryDetails1 details : entry.getNtryDtls()) {
      for (EntryTransaction2 tx : details.getTxDtls()) {
        ActiveOrHistoricCurrencyAndAmount amount =
            tx.getAmtDtls() == null || tx.getAmtDtls().getTxAmt() == null
                ? null
                : tx.getAmtDtls().getTxAmt().getAmt();
        transactions.add(
            new CamtModel.Transaction(
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                amount(amount),
                null,
                tx.getRmtInf() == null ? List.of() : tx.getRmtInf().getUstrd()));
      }
    }
    return new CamtModel.Entry(
        entry.getNtryRef(),
        entry.getAcctSvcrRef(),
        amount(entry.getAmt()),
        code(entry.getCdtDbtInd()),
        entry.getSts() == null ? null : entry.getSts().value(),
        date(entry.getBookgDt()),
        date(entry.getValDt()),
        entry.getAddtlNtryInf(),
        transactions);
  }

  private static LocalDate date(DateAndDateTimeChoice choice) {
    return choice == null ? null : date(choice.getDt(), choice.getDtTm());
  }

  // --- shared --------------------------------------------------------------------------------

  /** A date-time's own local date: the day the bank booked it, in the bank's offset. */
  private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
    if (date != null) {
      return date;
    }
    return dateTime == null ? null : dateTime.toLocalDate();
  }

  private static String account(AccountIdentification4Choice id) {
    if (id == null) {
      return null;
    }
    if (id.getIBAN() != null) {
      return id.getIBAN();
    }
    return id.getOthr() == null ? null : id.getOthr().getId();
  }

  private static CamtModel.Amount amount(ActiveOrHistoricCurrencyAndAmount amount) {
    return amount == null ? null : new CamtModel.Amount(amount.getValue(), amount.getCcy());
  }

  private static String code(CreditDebitCode code) {
    return code == null ? null : code.value();
  }
}
