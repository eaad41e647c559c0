package com.paystream.simulator;

import static com.paystream.simulator.StatementFormats.MMDD;
import static com.paystream.simulator.StatementFormats.YYMMDD;
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
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provider's statement of one business date: one statement per currency, lines numbered from
 * 0001 in the order the money moved, payments as credits and refunds as debits; a {@link
 * #settled()} statement ends each currency with the provider's fee and its payout of the rest to
 * us, both debits, as a provider's settlement does. Written in the three formats reconciliation-svc
 * ingests: the provider CSV, SWIFT MT940 and ISO 20022 camt.053 (.001.08), the last two built with
 * Prowide's models so that they follow the standards. In every format the payment reference is our
 * payment id, so reconciliation can match it.
 */
public final class ProviderStatement {

  /** The columns of {@link #csv}, as reconciliation-svc's provider CSV parser names them. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "statement_id",
          "line_id",
          "booking_date",
          "value_date",
          "payment_reference",
          "provider",
          "direction",
          "amount_minor",
          "currency",
          "description",
          "kind");

  private static final String PROVIDER_BIC = "SIMUDEFFXXX";
  private static final String OUR_BIC = "PAYSDEFFXXX";

  /**
   * The provider's fee in a settled statement and a payout: 1 % of the day's payments, rounded up.
   */
  static final int FEE_BASIS_POINTS = 100;

  /** The {@code :61:} transaction type of each kind (NRTI: a returned item, NCHG: charges). */
  private static final Map<StatementEntry.Kind, String> SWIFT_CODES =
      Map.of(
          StatementEntry.Kind.PAYMENT, "NTRF",
          StatementEntry.Kind.REFUND, "NRTI",
          StatementEntry.Kind.FEE, "NCHG",
          StatementEntry.Kind.CHARGEBACK, "NRTI",
          StatementEntry.Kind.PAYOUT, "NTRF");

  /** The ISO 20022 bank transaction code of each kind: domain, family, sub-family. */
  private static final Map<StatementEntry.Kind, StatementFormats.IsoCode> ISO_CODES =
      Map.of(
          StatementEntry.Kind.PAYMENT, new StatementFormats.IsoCode("PMNT", "RCDT", "ESCT"),
          StatementEntry.Kind.REFUND, new StatementFormats.IsoCode("PMNT", "ICDT", "RRTN"),
          StatementEntry.Kind.FEE, new StatementFormats.IsoCode("ACMT", "MDOP", "CHRG"),
          StatementEntry.Kind.CHARGEBACK, new StatementFormats.IsoCode("PMNT", "RCDT", "RRTN"),
          StatementEntry.Kind.PAYOUT, new StatementFormats.IsoCode("PMNT", "ICDT", "ESCT"));

  private final String provider;
  private final LocalDate businessDate;
  private final Map<String, List<StatementEntry>> byCurrency = new TreeMap<>();

  ProviderStatement(String provider, LocalDate businessDate, List<StatementEntry> entries) {
    this.provider = provider;
    this.businessDate = businessDate;
    entries.forEach(
        entry -> byCurrency.computeIfAbsent(entry.currency(), c -> new ArrayList<>()).add(entry));
  }

  /**
   * Superseded by the payout report ({@link ProviderSimulator#payouts}), which carries the payout
   * reference reconciliation's second leg matches the bank line with; kept for statements whose
   * payout and fee lines name no payout, which reconciliation reports awaiting settlement, never as
   * lost orders (its statement tests). Its fee is the same: {@value #FEE_BASIS_POINTS} basis points
   * of the day's payments, rounded up, once per currency and day.
   *
   * <p>This statement as the provider settles it: after each currency's lines, the provider's fee
   * ({@value #FEE_BASIS_POINTS} basis points of the payments, rounded up; none without payments)
   * and one payout to us of what remains (payments less refunds and the fee; none when nothing
   * remains), both debits with references of their own ({@code FEE-…}, {@code PAYOUT-…}).
   */
  public ProviderStatement settled() {
    List<StatementEntry> entries = new ArrayList<>();
    byCurrency.forEach(
        (currency, lines) -> {
          entries.addAll(lines);
          long payments =
              lines.stream()
                  .filter(line -> line.kind() == StatementEntry.Kind.PAYMENT)
                  .mapToLong(StatementEntry::amountMinor)
                  .sum();
          long balance = lines.stream().mapToLong(StatementEntry::signedMinor).sum();
          // rounded up (payments are never negative); Math.ceilDiv is not in Java 17
          long fee = (Math.multiplyExact(payments, FEE_BASIS_POINTS) + 9_999L) / 10_000L;
          String settlement = statementId(currency);
          if (fee > 0) {
            entries.add(settlementLine(settlement, currency, fee, StatementEntry.Kind.FEE));
          }
          if (balance - fee > 0) {
            entries.add(
                settlementLine(settlement, currency, balance - fee, StatementEntry.Kind.PAYOUT));
          }
        });
    return new ProviderStatement(provider, businessDate, entries);
  }

  private StatementEntry settlementLine(
      String settlement, String currency, long amountMinor, StatementEntry.Kind kind) {
    return new StatementEntry(
        businessDate, settlement, kind.name() + "-" + settlement, currency, amountMinor, kind);
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  /** Payout lines over all currencies (a {@link #settled()} statement has one per currency). */
  public long payoutLines() {
    return linesOf(StatementEntry.Kind.PAYOUT);
  }

  /** Fee lines over all currencies. */
  public long feeLines() {
    return linesOf(StatementEntry.Kind.FEE);
  }

  private long linesOf(StatementEntry.Kind kind) {
    return byCurrency.values().stream()
        .flatMap(List::stream)
        .filter(entry -> entry.kind() == kind)
        .count();
  }

  /** Lines over all currencies. */
  public int lineCount() {
    return byCurrency.values().stream().mapToInt(List::size).sum();
  }

  /** The statement id of a currency's statement: {@code SIM-<yyyyMMdd>-<currency>}. */
  public String statementId(String currency) {
    return "SIM-" + businessDate.toString().replace("-", "") + "-" + currency;
  }

  /**
   * RFC 4180 with a header row ({@link #CSV_COLUMNS}); amounts positive whole minor units, {@code
   * CREDIT} for payments and {@code DEBIT} for everything else, and the line's {@code kind} ({@code
   * payment}, {@code refund}, {@code fee}, {@code payout}).
   */
  public String csv() {
    StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    byCurrency.forEach(
        (currency, entries) -> {
          for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            csv.append(
                    String.join(
                        ",",
                        statementId(currency),
                        lineId(entry, i),
                        entry.bookingDate().toString(),
                        entry.bookingDate().toString(),
                        entry.reference(),
                        provider,
                        entry.kind().debit() ? "DEBIT" : "CREDIT",
                        Long.toString(entry.amountMinor()),
                        currency,
                        description(entry),
                        entry.kind().name().toLowerCase(Locale.ROOT)))
                .append('\n');
          }
        });
    return csv.toString();
  }

  /**
   * One MT940 FIN message per currency: {@code :20:} {@code SIM<yyMMdd><currency>}, {@code :25:}
   * the provider's clearing account, opening balance zero, one {@code :61:} per line (reference for
   * the account owner {@code NONREF}, for the servicing institution the line id) followed by {@code
   * :86:} with {@code /EREF/<payment id>}, and the closing balance.
   */
  public String mt940() {
    StringBuilder out = new StringBuilder();
    byCurrency.forEach(
        (currency, entries) -> {
          MT940 mt = new MT940(PROVIDER_BIC, OUR_BIC);
          mt.addField(new Field20("SIM" + businessDate.format(YYMMDD) + currency));
          mt.addField(new Field25(account(currency)));
          mt.addField(new Field28C("1/1"));
          mt.addField(new Field60F(swiftBalance(0, currency, businessDate)));
          long closing = 0;
          for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            closing += entry.signedMinor();
            mt.addField(
                new Field61(
                    entry.bookingDate().format(YYMMDD)
                        + entry.bookingDate().format(MMDD)
                        + (entry.kind().debit() ? "D" : "C")
                        + swiftAmount(entry.amountMinor(), currency)
                        + SWIFT_CODES.get(entry.kind())
                        + "NONREF//"
                        + lineId(entry, i)));
            mt.addField(new Field86("/EREF/" + entry.reference() + "/" + description(entry)));
          }
          mt.addField(new Field62F(swiftBalance(closing, currency, businessDate)));
          out.append(mt.message()).append('\n');
        });
    return out.toString();
  }

  /**
   * One camt.053.001.08 document with one {@code Stmt} per currency: opening and closing booked
   * balances, one booked {@code Ntry} per line ({@code NtryRef} the line id) with one {@code
   * TxDtls} whose {@code EndToEndId} is the payment id.
   */
  public String camt053() {
    OffsetDateTime created =
        businessDate.plusDays(1).atTime(LocalTime.of(6, 0)).atOffset(ZoneOffset.UTC);
    BankToCustomerStatementV08 document =
        new BankToCustomerStatementV08()
            .setGrpHdr(
                new GroupHeader81()
                    .setMsgId("SIM-" + businessDate.toString().replace("-", ""))
                    .setCreDtTm(created));
    byCurrency.forEach(
        (currency, entries) -> {
          AccountStatement9 statement =
              new AccountStatement9()
                  .setId(statementId(currency))
                  .setCreDtTm(created)
                  .setAcct(
                      new CashAccount39()
                          .setId(
                              new AccountIdentification4Choice()
                                  .setOthr(
                                      new GenericAccountIdentification1().setId(account(currency))))
                          .setCcy(currency));
          long closing = 0;
          for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            closing += entry.signedMinor();
            CreditDebitCode direction =
                entry.kind().debit() ? CreditDebitCode.DBIT : CreditDebitCode.CRDT;
            statement.addNtry(
                new ReportEntry10()
                    .setNtryRef(lineId(entry, i))
                    .setAmt(amount(entry.amountMinor(), currency))
                    .setCdtDbtInd(direction)
                    .setSts(new EntryStatus1Choice().setCd("BOOK"))
                    .setBookgDt(new DateAndDateTime2Choice().setDt(entry.bookingDate()))
                    .setValDt(new DateAndDateTime2Choice().setDt(entry.bookingDate()))
                    .setAcctSvcrRef(entry.providerReference())
                    .setBkTxCd(ISO_CODES.get(entry.kind()).structure())
                    .addNtryDtls(
                        new EntryDetails9()
                            .addTxDtls(
                                new EntryTransaction10()
                                    .setRefs(
                                        new TransactionReferences6()
                                            .setEndToEndId(entry.reference()))
                                    .setAmt(amount(entry.amountMinor(), currency))
                                    .setCdtDbtInd(direction))));
          }
          statement.getBal().add(camtBalance("OPBD", 0, currency, businessDate));
          statement.getBal().add(camtBalance("CLBD", closing, currency, businessDate));
          document.addStmt(statement);
        });
    return new MxCamt05300108().setBkToCstmrStmt(document).message();
  }

  private String account(String currency) {
    return "SIM-CLEARING-" + provider.toUpperCase(Locale.ROOT) + "-" + currency;
  }

  /**
   * Payments and refunds are numbered from 0001 in booking order; the settlement's fee and payout
   * are {@code FEE} and {@code PAYOUT}, so that a line booked after the settlement never takes
   * their ids (reconciliation dedupes by statement id and line id).
   */
  private static String lineId(StatementEntry entry, int index) {
    return switch (entry.kind()) {
      case FEE, PAYOUT -> entry.kind().name();
      case PAYMENT, REFUND, CHARGEBACK -> "%04d".formatted(index + 1);
    };
  }

  private static String description(StatementEntry entry) {
    return switch (entry.kind()) {
      case PAYMENT -> "Payment " + entry.providerReference();
      case REFUND -> "Refund " + entry.providerReference();
      case FEE -> "Fee " + entry.providerReference();
      case CHARGEBACK -> "Chargeback " + entry.providerReference();
      case PAYOUT -> "Payout " + entry.providerReference();
    };
  }
}
