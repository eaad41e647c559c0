package com.paystream.recon.statements.formats;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.money.Money;
import com.paystream.recon.statements.AccountMask;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.recon.statements.StatementMoney;
import com.paystream.recon.statements.StatementParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BAI2 cash management balance reporting (BAI version 2), as US banks send it: {@code 01} file
 * header, {@code 02} group header (as-of date, currency), {@code 03} account identifier (account,
 * currency, balances and summaries), {@code 16} transaction detail (type code, amount in minor
 * units, funds type, bank reference, customer reference, text), {@code 88} continuation of the
 * record before it, and the trailers {@code 49} (account), {@code 98} (group) and {@code 99} (file)
 * whose control totals and record counts are checked: a file that does not add up is refused whole.
 *
 * <p>Per {@code 16}: type codes 100–399 are credits, 400–699 debits (700–999 are each bank's own
 * and refused: their direction cannot be told); the kind comes from the type code ({@link
 * BankTransactionKinds}). The booking date is the group's as-of date, the value date the one of a
 * value-dated funds type ({@code V}). The statement id is {@code bai2-<sender>-<creation
 * date>-<file id>-<account's position in the file>}, the line id the detail's position in its
 * account; the payment reference is the customer reference number ({@code 16} field 6). Currencies
 * (the account's, else the group's, else USD as BAI2 says) and amounts go through the input policy
 * ({@link StatementMoney}). A line whose customer reference or a word of whose text is a payout
 * reference is a payout's ({@link PayoutReferences}).
 */
public final class Bai2Parser implements StatementParser {

  private static final int MAX_DESCRIPTION = 500;

  private final StatementMoney money;
  private final PayoutReferences payouts;

  public Bai2Parser() {
    this(StatementMoney.defaults());
  }

  public Bai2Parser(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  /**
   * @param payouts which customer references (or words of the text) are payouts'
   */
  public Bai2Parser(StatementMoney money, PayoutReferences payouts) {
    this.money = money;
    this.payouts = payouts;
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.BAI2;
  }

  @Override
  public ParsedStatementFile parse(byte[] content) {
    List<Record> records = Record.read(decode(content));
    return payouts.recognise(
        new ParsedStatementFile(StatementFormat.BAI2, new FileReader(records, money).lines()));
  }

  private static String decode(byte[] content) {
    try {
      return StandardCharsets.US_ASCII
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString()
          .replace("\r\n", "\n")
          .replace('\r', '\n');
    } catch (CharacterCodingException e) {
      throw refuse("the file", "not ASCII text: " + e.getMessage());
    }
  }

  static MalformedStatementException refuse(String where, String problem) {
    return new MalformedStatementException(StatementFormat.BAI2, where, problem);
  }

  /**
   * One logical record: a physical record with the {@code 88} records that continue it, the file
   * line it starts on and how many physical records it took.
   */
  record Record(String code, List<String> fields, int line, int physical) {

    static List<Record> read(String text) {
      String[] rows = text.split("\n", -1);
      List<Record> records = new ArrayList<>();
      StringBuilder current = null;
      int start = 0;
      int physical = 0;
      for (int i = 0; i < rows.length; i++) {
        String row = rows[i].strip();
        if (row.isEmpty()) {
          continue;
        }
        if (row.startsWith("88,")) {
          if (current == null) {
            throw refuse("line " + (i + 1), "an 88 continuation record with nothing before it");
          }
          // A detail's text goes on in the 88 record (joined by a space); any other record's
          // fields go on after a comma.
          boolean detail = current.toString().startsWith("16,");
          stripSlash(current).append(detail ? ' ' : ',').append(row.substring(3));
          physical++;
          continue;
        }
        if (current != null) {
          records.add(of(current.toString(), start, physical));
        }
        current = new StringBuilder(row);
        start = i + 1;
        physical = 1;
      }
      if (current != null) {
        records.add(of(current.toString(), start, physical));
      }
      return records;
    }

    private static StringBuilder stripSlash(StringBuilder record) {
      if (record.length() > 0 && record.charAt(record.length() - 1) == '/') {
        record.setLength(record.length() - 1);
      }
      return record;
    }

    private static Record of(String row, int line, int physical) {
      if (row.length() < 2 || !row.substring(0, 2).matches("\\d\\d")) {
        throw refuse("line " + line, "not a BAI2 record (two-digit record code, then fields)");
      }
      String code = row.substring(0, 2);
      String body = row.length() > 3 && row.charAt(2) == ',' ? row.substring(3) : "";
      if (code.equals("16")) {
        // The text of a transaction detail is not slash-delimited and may hold commas: the
        // fields before it are split off, the rest is the text.
        return new Record(code, List.of(body.split(",", -1)), line, physical);
      }
      if (!body.endsWith("/")) {
        throw refuse("line " + line, "record " + code + " does not end with '/'");
      }
      String fields = body.substring(0, body.length() - 1);
      return new Record(code, Arrays.asList(fields.split(",", -1)), line, physical);
    }

    /** The field at {@code index}, trimmed; empty when the record is shorter. */
    String field(int index) {
      return index < fields.size() ? fields.get(index).trim() : "";
    }

    String where(String name) {
      return "line " + line + ", record " + code + ", field " + name;
    }
  }

  /** Walks 01 (02 (03 16* 49)* 98)* 99, checking structure, totals and counts. */
  private static final class FileReader {

    private final List<Record> records;
    private final StatementMoney money;
    private final List<StatementLineDraft> lines = new ArrayList<>();
    private int next;
    private String fileKey;
    private int accounts;

    FileReader(List<Record> records, StatementMoney money) {
      this.records = records;
      this.money = money;
    }

    List<StatementLineDraft> lines() {
      if (records.isEmpty()) {
        throw new MalformedStatementException(
            StatementFormat.BAI2,
            MalformedStatementException.Reason.EMPTY_STATEMENT,
            "the file",
            "holds no BAI2 record");
      }
      Record header = expect("01");
      if (!header.field(7).equals("2")) {
        throw refuse(
            header.where("version number"),
            "version " + InputPolicy.echo(header.field(7)) + " is not BAI2 (2)");
      }
      fileKey =
          "bai2-"
              + safe(header.field(0))
              + "-"
              + digits(header, 2, "creation date", 6)
              + "-"
              + safe(header.field(4));
      long fileTotal = 0;
      int groups = 0;
      int fileRecords = header.physical();
      while (peek("02")) {
        Totals group = group();
        fileTotal += group.total();
        fileRecords += group.records();
        groups++;
      }
      Record trailer = expect("99", "a 02 group header or the 99 file trailer");
      fileRecords += trailer.physical();
      check(trailer, 0, "file control total", fileTotal);
      check(trailer, 1, "number of groups", groups);
      check(trailer, 2, "number of records", fileRecords);
      if (next < records.size()) {
        throw refuse("line " + records.get(next).line(), "text after the file trailer 99");
      }
      return lines;
    }

    /** A section's control total and its number of physical records. */
    record Totals(long total, int records) {}

    private Totals group() {
      Record header = expect("02");
      LocalDate asOf = date(header, 3, "as-of date");
      String groupCurrency = header.field(5);
      long total = 0;
      int count = header.physical();
      int groupAccounts = 0;
      while (peek("03")) {
        Totals account = account(asOf, groupCurrency);
        total += account.total();
        count += account.records();
        groupAccounts++;
      }
      Record trailer = expect("98", "an 03 account or the 98 group trailer");
      count += trailer.physical();
      check(trailer, 0, "group control total", total);
      check(trailer, 1, "number of accounts", groupAccounts);
      check(trailer, 2, "number of records", count);
      return new Totals(total, count);
    }

    private Totals account(LocalDate asOf, String groupCurrency) {
      Record header = expect("03");
      accounts++;
      String accountNumber = header.field(0);
      if (accountNumber.isEmpty()) {
        throw refuse(header.where("customer account number"), "missing");
      }
      String code = header.field(1);
      code = !code.isEmpty() ? code : groupCurrency.isEmpty() ? "USD" : groupCurrency;
      String currency = money.currency(code, StatementFormat.BAI2, header.where("currency code"));
      long total = summaries(header);
      int count = header.physical();
      String statementId = fileKey + "-" + accounts;
      String account = AccountMask.mask(accountNumber);
      int position = 0;
      while (peek("16")) {
        Record detail = records.get(next++);
        position++;
        Detail parsed = detail(detail);
        total += parsed.amountMinor();
        count += detail.physical();
        lines.add(
            new StatementLineDraft(
                statementId,
                String.valueOf(position),
                StatementFormat.BAI2,
                account,
                null,
                parsed.customerReference(),
                BankTransactionKinds.bai2Direction(parsed.typeCode()),
                parsed.kind(),
                amount(parsed.amountMinor(), currency, detail),
                asOf,
                parsed.valueDate(),
                parsed.text()));
      }
      Record trailer = expect("49", "a 16 detail or the 49 account trailer");
      count += trailer.physical();
      check(trailer, 0, "account control total", total);
      check(trailer, 1, "number of records", count);
      return new Totals(total, count);
    }

    private Money amount(long minor, String currency, Record detail) {
      return money.minor(minor, currency, StatementFormat.BAI2, detail.where("amount"));
    }

    /** The sum of the 03 record's amounts: type code, amount, item count, funds type, repeated. */
    private long summaries(Record header) {
      long total = 0;
      int i = 2;
      while (i < header.fields().size()) {
        String type = header.field(i);
        String amount = header.field(i + 1);
        if (!amount.isEmpty()) {
          total += signed(amount, header.where("amount of type code " + InputPolicy.echo(type)));
        }
        i += 4 + fundsTypeExtra(header, i + 3);
      }
      return total;
    }

    record Detail(
        int typeCode,
        LineKind kind,
        long amountMinor,
        LocalDate valueDate,
        String customerReference,
        String text) {}

    private Detail detail(Record record) {
      String typeText = record.field(0);
      if (!typeText.matches("\\d{3}")) {
        throw refuse(
            record.where("type code"), InputPolicy.echo(typeText) + " is not three digits");
      }
      int typeCode = Integer.parseInt(typeText);
      if (BankTransactionKinds.bai2Direction(typeCode) == null) {
        throw refuse(
            record.where("type code"),
            typeCode
                + " is not a credit (100-399) or debit (400-699) detail code; bank-specific codes"
                + " (700-999) cannot be told apart");
      }
      String amountText = record.field(1);
      if (!amountText.matches("\\d{1,18}")) {
        throw refuse(
            record.where("amount"),
            InputPolicy.echo(amountText) + " is not an unsigned whole number of minor units");
      }
      long amount = Long.parseLong(amountText);
      int extra = fundsTypeExtra(record, 2);
      LocalDate valueDate = record.field(2).equals("V") ? date(record, 3, "value date") : null;
      int ref = 3 + extra;
      if (record.fields().size() < ref + 2) {
        throw refuse(
            record.where("bank reference"),
            "missing: a 16 record has type code, amount, funds type, bank reference, customer"
                + " reference and text");
      }
      String customerReference = record.field(ref + 1);
      if (customerReference.length() > Mt940Narrative.MAX_REFERENCE) {
        throw refuse(
            record.where("customer reference"),
            "longer than " + Mt940Narrative.MAX_REFERENCE + " characters");
      }
      String text =
          String.join(
                  ",",
                  record
                      .fields()
                      .subList(Math.min(ref + 2, record.fields().size()), record.fields().size()))
              .strip();
      if (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1).strip();
      }
      return new Detail(
          typeCode,
          BankTransactionKinds.bai2(typeCode),
          amount,
          valueDate,
          customerReference.isEmpty() ? null : customerReference,
          text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text);
    }

    /** How many fields follow the funds type at {@code index}: S 3, V 2, D 1 + 2n, else 0. */
    private int fundsTypeExtra(Record record, int index) {
      String type = record.field(index);
      return switch (type) {
        case "", "Z", "0", "1", "2" -> 0;
        case "S" -> 3;
        case "V" -> 2;
        case "D" -> {
          String n = record.field(index + 1);
          if (!n.matches("\\d{1,2}")) {
            throw refuse(
                record.where("number of distributions"), InputPolicy.echo(n) + " is not a count");
          }
          yield 1 + 2 * Integer.parseInt(n);
        }
        default ->
            throw refuse(
                record.where("funds type"),
                InputPolicy.echo(type) + " is not a BAI2 funds type (Z, 0, 1, 2, S, V, D)");
      };
    }

    private boolean peek(String code) {
      return next < records.size() && records.get(next).code().equals(code);
    }

    private Record expect(String code) {
      return expect(code, "a " + code + " record");
    }

    private Record expect(String code, String expected) {
      if (next >= records.size()) {
        throw refuse("the file", "ends where " + expected + " was expected");
      }
      Record record = records.get(next);
      if (!record.code().equals(code)) {
        throw refuse(
            "line " + record.line(),
            "record " + record.code() + " where " + expected + " was expected");
      }
      next++;
      return record;
    }

    private static void check(Record trailer, int index, String name, long expected) {
      String value = trailer.field(index);
      long stated = signed(value, trailer.where(name));
      if (stated != expected) {
        throw refuse(
            trailer.where(name),
            "says " + stated + ", the records before it add up to " + expected);
      }
    }

    private static long signed(String value, String where) {
      if (!value.matches("[+-]?\\d{1,18}")) {
        throw refuse(where, InputPolicy.echo(value) + " is not a whole number");
      }
      return Long.parseLong(value);
    }

    private static LocalDate date(Record record, int index, String name) {
      String value = record.field(index);
      if (!value.matches("\\d{6}")) {
        throw refuse(record.where(name), InputPolicy.echo(value) + " is not a date (YYMMDD)");
      }
      try {
        return LocalDate.of(
            2000 + Integer.parseInt(value.substring(0, 2)),
            Integer.parseInt(value.substring(2, 4)),
            Integer.parseInt(value.substring(4, 6)));
      } catch (DateTimeException e) {
        throw refuse(record.where(name), InputPolicy.echo(value) + " is not a date (YYMMDD)");
      }
    }

    private static String digits(Record record, int index, String name, int length) {
      String value = record.field(index);
      if (!value.matches("\\d{" + length + "}")) {
        throw refuse(record.where(name), InputPolicy.echo(value) + " is not " + length + " digits");
      }
      return value;
    }

    /** Only what every URL and log takes: letters, digits, dot, dash. */
    private static String safe(String value) {
      String cleaned = value.replaceAll("[^A-Za-z0-9.-]", "");
      if (cleaned.isEmpty()) {
        return "x";
      }
      return cleaned.length() > 32 ? cleaned.substring(0, 32) : cleaned;
    }
  }
}
