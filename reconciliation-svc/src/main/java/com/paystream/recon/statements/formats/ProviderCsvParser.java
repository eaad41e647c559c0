package com.paystream.recon.statements.formats;

import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.matching.Direction;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The provider's CSV statement: UTF-8, RFC 4180, a header row naming the columns (any order), one
 * row per line. Amounts are whole minor units; see the README for the columns.
 */
public final class ProviderCsvParser implements StatementParser {

  static final List<String> REQUIRED =
      List.of(
          "statement_id",
          "line_id",
          "booking_date",
          "provider",
          "direction",
          "amount_minor",
          "currency");
  static final List<String> OPTIONAL =
      List.of("value_date", "payment_reference", "description", "kind", "payout_reference");

  private static final int MAX_ID_LENGTH = 140;
  private static final int MAX_REFERENCE_LENGTH = 64;

  private final StatementMoney money;
  private final PayoutReferences payouts;

  public ProviderCsvParser() {
    this(StatementMoney.defaults());
  }

  public ProviderCsvParser(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  /**
   * @param payouts what a {@code payout_reference} must look like
   */
  public ProviderCsvParser(StatementMoney money, PayoutReferences payouts) {
    this.money = money;
    this.payouts = payouts;
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.PROVIDER_CSV;
  }

  @Override
  public ParsedStatementFile parse(byte[] content) {
    List<CsvRecords.CsvRecord> records = records(decode(content));
    if (records.isEmpty()) {
      throw refuse("line 1", "the file is empty; the header row is missing");
    }
    Map<String, Integer> columns = header(records.get(0));
    if (records.size() == 1) {
      // Unlike a bank statement, which reports balances even on a day without movements, a
      // provider CSV is nothing but its lines: a header alone is a failed export, not a quiet day.
      throw new MalformedStatementException(
          StatementFormat.PROVIDER_CSV,
          MalformedStatementException.Reason.EMPTY_STATEMENT,
          "line 2",
          "the file has a header row and no statement line");
    }
    List<StatementLineDraft> lines = new ArrayList<>(records.size() - 1);
    Set<String> identities = new HashSet<>();
    for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
      StatementLineDraft line = new Row(record, columns, money, payouts).toLine();
      if (!identities.add(line.identity())) {
        throw refuse(
            "line " + record.line(),
            "statement_id "
                + line.statementId()
                + " with line_id "
                + line.lineId()
                + " appears twice in the file");
      }
      lines.add(line);
    }
    return new ParsedStatementFile(StatementFormat.PROVIDER_CSV, lines);
  }

  private static String decode(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw refuse("the file", "not UTF-8 text: " + e.getMessage());
    }
  }

  private static List<CsvRecords.CsvRecord> records(String text) {
    try {
      return CsvRecords.parse(text);
    } catch (CsvRecords.CsvSyntaxException e) {
      throw refuse("line " + e.line(), e.getMessage());
    }
  }

  private static Map<String, Integer> header(CsvRecords.CsvRecord header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        throw refuse(
            "line 1",
            "unknown column '" + name + "' (expected " + REQUIRED + " and " + OPTIONAL + ")");
      }
      if (columns.put(name, i) != null) {
        throw refuse("line 1", "column '" + name + "' appears twice");
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw refuse("line 1", "required column '" + required + "' is missing");
      }
    }
    return columns;
  }

  private static MalformedStatementException refuse(String where, String problem) {
    return new MalformedStatementException(StatementFormat.PROVIDER_CSV, where, problem);
  }

  /** One data row, read column by column, each problem naming line and column. */
  private record Row(
      CsvRecords.CsvRecord record,
      Map<String, Integer> columns,
      StatementMoney money,
      PayoutReferences payouts) {

    StatementLineDraft toLine() {
      if (record.fields().size() != columns.size()) {
        throw refuse(
            where(), "has " + record.fields().size() + " fields, the header has " + columns.size());
      }
      String currency = required("currency");
      String provider = required("provider");
      Direction direction = direction();
      return new StatementLineDraft(
          id("statement_id"),
          id("line_id"),
          StatementFormat.PROVIDER_CSV,
          "provider:" + provider,
          provider,
          reference(),
          direction,
          kind(direction),
          money.minor(amount(currency), currency, StatementFormat.PROVIDER_CSV, where()),
          date("booking_date", true),
          date("value_date", false),
          optional("description"),
          payoutReference());
    }

    private String where() {
      return "line " + record.line();
    }

    private String optional(String column) {
      Integer index = columns.get(column);
      return index == null ? "" : record.fields().get(index).trim();
    }

    private String required(String column) {
      String value = optional(column);
      if (value.isEmpty()) {
        throw refuse(where(), "column " + column + " is empty");
      }
      return value;
    }

    private String id(String column) {
      String value = required(column);
      if (value.length() > MAX_ID_LENGTH) {
        throw refuse(where(), "column " + column + " is longer than " + MAX_ID_LENGTH);
      }
      return value;
    }

    private String reference() {
      String value = optional("payment_reference");
      if (value.length() > MAX_REFERENCE_LENGTH
          || value.chars().anyMatch(Character::isWhitespace)) {
        throw refuse(
            where(),
            "column payment_reference "
                + InputPolicy.echo(value)
                + " is not a payment id (at most 64 characters, no spaces)");
      }
      return value.isEmpty() ? null : value;
    }

    /**
     * The optional {@code payout_reference} column of a payout report: the payout the line is part
     * of, which must match the payout pattern (else no bank line could ever be matched with it).
     */
    private String payoutReference() {
      String value = optional("payout_reference");
      if (value.isEmpty()) {
        return null;
      }
      if (!payouts.matches(value)) {
        throw refuse(
            where(),
            "column payout_reference "
                + InputPolicy.echo(value)
                + " is not a payout reference (pattern "
                + payouts.pattern()
                + ")");
      }
      return value;
    }

    /**
     * The optional {@code kind} column ({@code payment}, {@code refund}, {@code payout}, {@code
     * fee}, {@code chargeback}, {@code other}); without it a credit is a payment and a debit a
     * refund, as providers report them.
     */
    private LineKind kind(Direction direction) {
      String value = optional("kind").toUpperCase(Locale.ROOT);
      if (value.isEmpty()) {
        return direction == Direction.CREDIT ? LineKind.PAYMENT : LineKind.REFUND;
      }
      try {
        return LineKind.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw refuse(
            where(),
            "column kind "
                + InputPolicy.echo(value)
                + " is not payment, refund, payout, fee, chargeback or other");
      }
    }

    private Direction direction() {
      String value = required("direction").toUpperCase(Locale.ROOT);
      return switch (value) {
        case "CREDIT" -> Direction.CREDIT;
        case "DEBIT" -> Direction.DEBIT;
        default ->
            throw refuse(
                where(), "column direction " + InputPolicy.echo(value) + " is not CREDIT or DEBIT");
      };
    }

    private long amount(String currency) {
      String value = required("amount_minor");
      if (!value.matches("[0-9]{1,18}")) {
        throw refuse(
            where(),
            "column amount_minor "
                + InputPolicy.echo(value)
                + " is not a positive whole number of minor units");
      }
      money.currency(currency, StatementFormat.PROVIDER_CSV, where() + ", column currency");
      long amount = Long.parseLong(value);
      if (amount == 0) {
        throw refuse(where(), "column amount_minor is 0");
      }
      return amount;
    }

    private LocalDate date(String column, boolean required) {
      String value = required ? required(column) : optional(column);
      if (value.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw refuse(
            where(),
            "column " + column + " " + InputPolicy.echo(value) + " is not a date (YYYY-MM-DD)");
      }
    }
  }
}
