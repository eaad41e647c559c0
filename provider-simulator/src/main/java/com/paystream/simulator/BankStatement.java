package com.paystream.simulator;

import static com.paystream.simulator.StatementFormats.MMDD;
import static com.paystream.simulator.StatementFormats.YYMMDD;
import static com.paystream.simulator.StatementFormats.YYYYMMDD;
import static com.paystream.simulator.StatementFormats.amount;
import static com.paystream.simulator.StatementFormats.camtBalance;
import static com.paystream.simulator.StatementFormats.swiftAmount;
import static com.paystream.simulator.StatementFormats.swiftBalance;

import com.prowidesoftware.swift.model.field.Field20;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field62F;
import com.prowidesoftware.swift.model.field.Field86;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our own bank account's statement of one booking date, as our bank sends it: one statement per
 * currency ({@code BANK-<yyyyMMdd>-<CUR>}), opening balance zero (only the day's movements matter
 * to reconciliation), one line per {@link BankLine} numbered from 0001 — no provider on it, the
 * reference of each line its transfer's ({@code po_…}, {@code mpo_…}). Written as camt.053.001.08
 * and MT940 with Prowide's models, like the {@link ProviderStatement}.
 */
public final class BankStatement {

  private static final String BANK_BIC = "BANKDEFFXXX";
  private static final String OUR_BIC = "PAYSDEFFXXX";
  private static final int NARRATIVE_WIDTH = 65;
  private static final int SWIFT_REFERENCE = 16;

  private final LocalDate bookingDate;
  private final List<BankLine> lines;

  /**
   * @throws IllegalArgumentException when a line was booked on another date
   */
  public BankStatement(LocalDate bookingDate, List<BankLine> lines) {
    this.bookingDate = bookingDate;
    this.lines = List.copyOf(lines);
    for (BankLine line : this.lines) {
      if (!line.bookingDate().equals(bookingDate)) {
        throw new IllegalArgumentException(
            "a line booked on "
                + line.bookingDate()
                + " is not on the statement of "
                + bookingDate);
      }
    }
  }

  /** This statement with more lines after its own (a merchant payout, a return). */
  public BankStatement with(BankLine... more) {
    List<BankLine> all = new ArrayList<>(lines);
    all.addAll(List.of(more));
    return new BankStatement(bookingDate, all);
  }

  public LocalDate bookingDate() {
    return bookingDate;
  }

  public List<BankLine> lines() {
    return lines;
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  public String statementId(String currency) {
    return "BANK-" + bookingDate.format(YYYYMMDD) + "-" + currency;
  }

  /**
   * One MT940 FIN message per currency: {@code :20:} {@code BANK<yyMMdd><CUR>}, {@code :25:} our
   * account, opening balance zero, per line {@code :61:} (value date, entry date = booking date,
   * the reference for the account owner when it fits its 16 characters, else {@code NONREF}, and
   * the line number as the bank's reference) and {@code :86:} {@code /EREF/<reference>/REMI/…}.
   */
  public String mt940() {
    StringBuilder out = new StringBuilder();
    byCurrency()
        .forEach(
            (currency, entries) -> {
              MT940 mt = new MT940(BANK_BIC, OUR_BIC);
              mt.addField(new Field20("BANK" + bookingDate.format(YYMMDD) + currency));
              mt.addField(new Field25(account(currency)));
              mt.addField(new Field28C("1/1"));
              mt.addField(new Field60F(swiftBalance(0, currency, bookingDate)));
              long closing = 0;
              for (int i = 0; i < entries.size(); i++) {
                BankLine line = entries.get(i);
                closing += line.signedAmountMinor();
                mt.addField(new Field61(field61(line, i)));
                mt.addField(new Field86(narrative(line)));
              }
              mt.addField(new Field62F(swiftBalance(closing, currency, bookingDate)));
              out.append(mt.message()).append('\n');
            });
    return out.toString();
  }

  private static String field61(BankLine line, int index) {
    String reference = line.reference().length() <= SWIFT_REFERENCE ? line.reference() : "NONREF";
    return line.valueDate().format(YYMMDD)
        + line.bookingDate().format(MMDD)
        + (line.credit() ? "C" : "D")
        + swiftAmount(line.amountMinor(), line.currency())
        + code(line).swift()
        + reference
        + "//"
        + lineId(index);
  }

  /** {@code :86:} in lines of at most 65 characters, the reference first. */
  private static String narrative(BankLine line) {
    String text = "/EREF/" + line.reference() + "/REMI/" + line.description();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < text.length() && rows.size() < 6; i += NARRATIVE_WIDTH) {
      rows.add(text.substring(i, Math.min(text.length(), i + NARRATIVE_WIDTH)));
    }
    return String.join("\r\n", rows);
  }

  /**
   * One camt.053.001.08 document with one {@code Stmt} per currency: opening and closing booked
   * balances, one booked {@code Ntry} per line ({@code NtryRef} the line number) with one {@code
   * TxDtls} whose {@code EndToEndId} is the reference, repeated in the unstructured remittance
   * information.
   */
  public String camt053() {
    OffsetDateTime created =
        bookingDate.plusDays(1).atTime(LocalTime.of(5, 0)).atOffset(ZoneOffset.UTC);
    BankToCustomerStatementV08 document =
        new BankToCustomerStatementV08()
            .setGrpHdr(
                new GroupHeader81()
                    .setMsgId("BANK-" + bookingDate.format(YYYYMMDD))
                    .setCreDtTm(created));
    byCurrency()
        .forEach(
            (currency, entries) -> document.addStmt(camtStatement(currency, entries, created)));
    return new MxCamt05300108().setBkToCstmrStmt(document).message();
  }

  private AccountStatement9 camtStatement(
      String currency, List<BankLine> entries, OffsetDateTime created) {
    AccountStatement9 statement =
        new AccountStatement9()
            .setId(statementId(currency))
            .setCreDtTm(created)
            .setAcct(
                new CashAccount39()
                    .setId(
                        new AccountIdentification4Choice()
                            .setOthr(new GenericAccountIdentification1().setId(account(currency))))
                    .setCcy(currency));
    long closing = 0;
    for (int i = 0; i < entries.size(); i++) {
      BankLine line = entries.get(i);
      closing += line.signedAmountMinor();
      statement.addNtry(camtEntry(statementId(currency), line, i));
    }
    statement.getBal().add(camtBalance("OPBD", 0, currency, bookingDate));
    statement.getBal().add(camtBalance("CLBD", closing, currency, bookingDate));
    return statement;
  }

  private static ReportEntry10 camtEntry(String statementId, BankLine line, int index) {
    CreditDebitCode direction = line.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT;
    return new ReportEntry10()
        .setNtryRef(lineId(index))
        .setAmt(amount(line.amountMinor(), line.currency()))
        .setCdtDbtInd(direction)
        .setSts(new EntryStatus1Choice().setCd("BOOK"))
        .setBookgDt(new DateAndDateTime2Choice().setDt(line.bookingDate()))
        .setValDt(new DateAndDateTime2Choice().setDt(line.valueDate()))
        .setAcctSvcrRef(statementId + "-" + lineId(index))
        .setBkTxCd(code(line).iso().structure())
        .addNtryDtls(
            new EntryDetails9()
                .addTxDtls(
                    new EntryTransaction10()
                        .setRefs(new TransactionReferences6().setEndToEndId(line.reference()))
                        .setAmt(amount(line.amountMinor(), line.currency()))
                        .setCdtDbtInd(direction)
                        .setRmtInf(
                            new RemittanceInformation16()
                                .addUstrd(line.reference() + " " + line.description()))));
  }

  /** The bank's transaction code in both worlds. */
  private record Code(String swift, StatementFormats.IsoCode iso) {}

  /**
   * A payout received is a SEPA credit transfer received; a negative payout the provider collects
   * by direct debit; a merchant payout is a credit transfer we issued, and its return a returned
   * issued transfer.
   */
  private static Code code(BankLine line) {
    return switch (line.type()) {
      case PROVIDER_PAYOUT ->
          line.credit()
              ? new Code("NTRF", new StatementFormats.IsoCode("PMNT", "RCDT", "ESCT"))
              : new Code("NDDT", new StatementFormats.IsoCode("PMNT", "RDDT", "ESDD"));
      case MERCHANT_PAYOUT ->
          new Code("NTRF", new StatementFormats.IsoCode("PMNT", "ICDT", "ESCT"));
      case MERCHANT_PAYOUT_RETURNED ->
          new Code("NRTI", new StatementFormats.IsoCode("PMNT", "ICDT", "RRTN"));
    };
  }

  private Map<String, List<BankLine>> byCurrency() {
    Map<String, List<BankLine>> byCurrency = new TreeMap<>();
    lines.forEach(
        line -> byCurrency.computeIfAbsent(line.currency(), c -> new ArrayList<>()).add(line));
    return byCurrency;
  }

  private static String lineId(int index) {
    return "%04d".formatted(index + 1);
  }

  private static String account(String currency) {
    return "PAYSTREAM-OPERATING-" + currency;
  }
}
