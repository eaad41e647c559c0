package com.paystream.recon.statements.formats;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.AccountMask;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.MinorUnits;
import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.PayoutReferences;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.recon.statements.StatementMoney;
import com.paystream.recon.statements.StatementParser;
import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements, read with Prowide, as banks send them: complete FIN messages
 * ({@code {1:...}{2:...}{3:...}{4: ... -}{5:...}}, optionally {@code $}-separated as in RJE files)
 * or bare block-4 text starting at {@code :20:}, with or without a preamble before each message (a
 * {@code :940:} line, as Rabobank writes, or {@code ABNANL2A / 940 / ABNANL2A}, as ABN AMRO does)
 * and {@code -} after it; several messages per file; {@code :28:} (the pre-2002 field) or {@code
 * :28C:}; CRLF, LF or CR line ends.
 *
 * <p>Prowide splits fields leniently (an amount {@code 10.00} becomes amount {@code 10} and
 * transaction type {@code .00N}), so every {@code :61:} is first checked against the SWIFT syntax,
 * and every statement against its balances: opening {@code :60F:} plus the lines must equal closing
 * {@code :62F:}, or the file is refused.
 *
 * <p>Per {@code :61:}: the statement id is {@code :20:/:28C:}, the line id the line's position in
 * the message; the booking date is the entry date (else the value date); {@code C} and {@code RD}
 * are money in, {@code D} and {@code RC} money out; the kind comes from the transaction type
 * identification code ({@link BankTransactionKinds}). The payment reference is the end-to-end
 * reference of the following {@code :86:} ({@link Mt940Narrative}), else the reference for the
 * account owner unless {@code NONREF}. Currencies and amounts go through the input policy ({@link
 * StatementMoney}). A line whose reference or a word of whose {@code :86:} is a payout reference is
 * a payout's ({@link PayoutReferences}).
 */
public final class Mt940Parser implements StatementParser {

  /** Value date, entry date, mark, funds code, amount, type+code, references, details. */
  private static final Pattern FIELD_61 =
      Pattern.compile(
          "\\d{6}(\\d{4})?(RC|RD|C|D)[A-Z]?\\d{1,14},\\d{0,3}[NSF][A-Z0-9]{3}"
              + "[^\\r\\n]{1,16}?(//[^\\r\\n]{1,16})?(\\r?\\n[^\\r\\n]{1,34})?",
          Pattern.DOTALL);

  private static final String FIN_HEADER =
      "{1:F01XXXXXXXXXXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:\n";

  private final StatementMoney money;
  private final PayoutReferences payouts;

  public Mt940Parser() {
    this(StatementMoney.defaults());
  }

  public Mt940Parser(StatementMoney money) {
    this(money, PayoutReferences.DEFAULT);
  }

  public Mt940Parser(StatementMoney money, PayoutReferences payouts) {
    this.money = money;
    this.payouts = payouts;
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.MT940;
  }

  @Override
  public ParsedStatementFile parse(byte[] content) {
    List<Chunk> chunks = Mt940Messages.split(decode(content));
    if (chunks.isEmpty()) {
      throw refuse("the file", "holds no MT940 message");
    }
    List<StatementLineDraft> lines = new ArrayList<>();
    java.util.Set<String> statements = new java.util.HashSet<>();
    for (int k = 0; k < chunks.size(); k++) {
      MessageReader reader = new MessageReader(chunks.get(k), k + 1, money);
      List<StatementLineDraft> read = reader.lines();
      if (!statements.add(reader.statementId())) {
        throw refuse(reader.where(), "statement " + reader.statementId() + " appears twice");
      }
      lines.addAll(read);
    }
    return payouts.recognise(new ParsedStatementFile(StatementFormat.MT940, lines));
  }

  /** UTF-8 (ASCII, the SWIFT character set, is a part of it), line ends made LF. */
  private static String decode(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString()
          .replace("\uFEFF", "")
          .replace("\r\n", "\n")
          .replace('\r', '\n');
    } catch (CharacterCodingException e) {
      throw refuse("the file", "not text in the SWIFT character set: " + e.getMessage());
    }
  }

  static MalformedStatementException refuse(String where, String problem) {
    return new MalformedStatementException(StatementFormat.MT940, where, problem);
  }

  /**
   * One message's block 4 as a FIN message Prowide parses, the file line the message starts on and
   * the file line of the block's first row.
   */
  record Chunk(String fin, int firstLine, int blockLine) {

    static Chunk of(String block4, int firstLine, int blockLine) {
      String body = block4.strip().replaceAll("(?m)^:28:", ":28C:");
      return new Chunk(FIN_HEADER + body + "\n-}", firstLine, blockLine);
    }

    /** The file line of the {@code occurrence}-th (1-based) field {@code tag} of the message. */
    int lineOf(String tag, int occurrence) {
      String[] rows = fin.split("\\n", -1);
      int seen = 0;
      for (int i = 1; i < rows.length; i++) {
        if (rows[i].startsWith(":" + tag + ":")
            || (tag.equals("28C") && rows[i].startsWith(":28:"))) {
          seen++;
          if (seen == occurrence) {
            return blockLine + i - 1;
          }
        }
      }
      return firstLine;
    }
  }

  /** Reads one message into lines, refusing what does not hold. */
  private static final class MessageReader {

    private final Chunk chunk;
    private final int number;
    private final StatementMoney money;
    private String statementId;

    MessageReader(Chunk chunk, int number, StatementMoney money) {
      this.chunk = chunk;
      this.number = number;
      this.money = money;
    }

    String where() {
      return "message " + number + " (line " + chunk.firstLine() + ")";
    }

    String statementId() {
      return statementId;
    }

    List<StatementLineDraft> lines() {
      MT940 mt = parse();
      SwiftBlock4 block4 = mt.getSwiftMessage().getBlock4();
      String reference = required(block4, "20");
      String sequence = required(block4, "28C");
      statementId = reference + "/" + sequence;
      String account = AccountMask.mask(firstOf(block4, "25", "25P"));
      Balance opening = balance(block4, "60F", "60M");
      Balance closing = balance(block4, "62F", "62M");
      if (!opening.currency().equals(closing.currency())) {
        throw refuse(where() + ", field :62F:", "currency differs from the opening balance's");
      }
      List<StatementLineDraft> lines = statementLines(block4, account, opening);
      checkBalances(opening, closing, lines);
      return lines;
    }

    private MT940 parse() {
      MT940 mt;
      try {
        mt = MT940.parse(chunk.fin());
      } catch (RuntimeException e) {
        throw refuse(where(), "not a SWIFT FIN message: " + e.getMessage());
      }
      if (mt == null || mt.getSwiftMessage() == null || mt.getSwiftMessage().getBlock4() == null) {
        throw refuse(where(), "not a SWIFT FIN message");
      }
      String type = mt.getSwiftMessage().getType();
      if (!"940".equals(type)) {
        throw refuse(where(), "message type is MT" + type + ", not MT940");
      }
      return mt;
    }

    private String required(SwiftBlock4 block4, String tag) {
      String value = block4.getTagValue(tag);
      if (value == null || value.isBlank()) {
        throw refuse(where() + ", field :" + tag + ":", "missing");
      }
      return value.trim();
    }

    private String firstOf(SwiftBlock4 block4, String tag, String alternative) {
      String value = block4.getTagValue(tag);
      if (value == null) {
        value = block4.getTagValue(alternative);
      }
      if (value == null || value.isBlank()) {
        throw refuse(where() + ", field :" + tag + ":", "missing");
      }
      return value.trim();
    }

    /** An opening or closing balance: {@code C250313EUR1000,00}. */
    private Balance balance(SwiftBlock4 block4, String tag, String alternative) {
      String name = block4.getTagValue(tag) != null ? tag : alternative;
      String value = firstOf(block4, tag, alternative);
      String where = where() + ", field :" + name + ": (line " + chunk.lineOf(name, 1) + ")";
      if (value.length() >= 10) {
        money.currency(value.substring(7, 10), StatementFormat.MT940, where);
      }
      Matcher m = Pattern.compile("([CD])(\\d{6})([A-Z]{3})(\\d{1,14},\\d{0,3})").matcher(value);
      if (!m.matches()) {
        throw refuse(
            where, InputPolicy.echo(value) + " is not D/C mark, date, currency and amount");
      }
      long minor =
          new BigDecimal(m.group(4).replace(',', '.')).signum() == 0
              ? 0
              : minor(m.group(4), m.group(3), where);
      return new Balance(m.group(3), m.group(1).equals("C") ? minor : -minor);
    }

    private List<StatementLineDraft> statementLines(
        SwiftBlock4 block4, String account, Balance opening) {
      List<StatementLineDraft> lines = new ArrayList<>();
      List<Tag> tags = block4.getTags();
      int occurrence = 0;
      for (int i = 0; i < tags.size(); i++) {
        if (!"61".equals(tags.get(i).getName())) {
          continue;
        }
        occurrence++;
        String info =
            i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName())
                ? tags.get(i + 1).getValue()
                : null;
        lines.add(line(tags.get(i).getValue(), info, occurrence, account, opening.currency()));
      }
      return lines;
    }

    private StatementLineDraft line(
        String value, String info, int occurrence, String account, String currency) {
      String where =
          where()
              + ", field :61: #"
              + occurrence
              + " (line "
              + chunk.lineOf("61", occurrence)
              + ")";
      if (!FIELD_61.matcher(value.strip()).matches()) {
        throw refuse(where, InputPolicy.echo(value.strip()) + " does not follow the :61: syntax");
      }
      Field61 field = new Field61(value.strip());
      LocalDate valueDate = valueDate(field.getValueDate(), where);
      LocalDate bookingDate =
          field.getEntryDate() == null
              ? valueDate
              : entryDate(field.getEntryDate(), valueDate, where);
      String mark = field.getDebitCreditMark();
      Direction direction =
          mark.equals("C") || mark.equals("RD") ? Direction.CREDIT : Direction.DEBIT;
      LineKind kind =
          BankTransactionKinds.mt940(
              field.getTransactionType() + field.getIdentificationCode(),
              direction,
              mark.startsWith("R"));
      Mt940Narrative narrative = narrative(info, occurrence);
      return new StatementLineDraft(
          statementId,
          String.valueOf(occurrence),
          StatementFormat.MT940,
          account,
          null,
          reference(field, narrative),
          direction,
          kind,
          amount(field.getAmount(), currency, where),
          bookingDate,
          valueDate,
          narrative.description());
    }

    private Mt940Narrative narrative(String info, int occurrence) {
      try {
        return Mt940Narrative.of(info);
      } catch (IllegalArgumentException e) {
        throw refuse(
            where()
                + ", field :86: after :61: #"
                + occurrence
                + " (line "
                + chunk.lineOf("61", occurrence)
                + ")",
            e.getMessage());
      }
    }

    private Money amount(String swiftAmount, String currency, String where) {
      if (swiftAmount == null || !swiftAmount.matches("\\d{1,14},\\d{0,3}")) {
        throw refuse(
            where,
            "amount " + InputPolicy.echo(swiftAmount) + " is not a SWIFT decimal (decimal comma)");
      }
      return money.decimal(
          new BigDecimal(swiftAmount.replace(',', '.')), currency, StatementFormat.MT940, where);
    }

    private void checkBalances(Balance opening, Balance closing, List<StatementLineDraft> lines) {
      long total = opening.signedMinor();
      for (StatementLineDraft line : lines) {
        long minor = line.amount().minor();
        total += line.direction() == Direction.CREDIT ? minor : -minor;
      }
      if (total != closing.signedMinor()) {
        throw refuse(
            where() + ", field :62F:",
            "closing balance "
                + closing.signedMinor()
                + " minor units is not the opening balance plus the lines ("
                + total
                + ")");
      }
    }
  }

  record Balance(String currency, long signedMinor) {}

  private static long minor(String swiftAmount, String currency, String where) {
    if (swiftAmount == null || !swiftAmount.matches("\\d{1,14},\\d{0,3}")) {
      throw refuse(
          where,
          "amount " + InputPolicy.echo(swiftAmount) + " is not a SWIFT decimal (decimal comma)");
    }
    MinorUnits.Result result =
        MinorUnits.of(new BigDecimal(swiftAmount.replace(',', '.')), currency);
    if (!result.ok()) {
      throw refuse(where, result.refusal());
    }
    return result.minor();
  }

  /** SWIFT YYMMDD; the century is 20 (statements of the last century are not reconciled). */
  private static LocalDate valueDate(String yymmdd, String where) {
    try {
      return LocalDate.of(
          2000 + Integer.parseInt(yymmdd.substring(0, 2)),
          Integer.parseInt(yymmdd.substring(2, 4)),
          Integer.parseInt(yymmdd.substring(4, 6)));
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      throw refuse(where, "value date '" + yymmdd + "' is not a date (YYMMDD)");
    }
  }

  /** MMDD in the value date's year, or the neighbouring one across a year end. */
  private static LocalDate entryDate(String mmdd, LocalDate valueDate, String where) {
    try {
      LocalDate date =
          LocalDate.of(
              valueDate.getYear(),
              Integer.parseInt(mmdd.substring(0, 2)),
              Integer.parseInt(mmdd.substring(2, 4)));
      if (date.isAfter(valueDate.plusMonths(6))) {
        return date.minusYears(1);
      }
      if (date.isBefore(valueDate.minusMonths(6))) {
        return date.plusYears(1);
      }
      return date;
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      throw refuse(where, "entry date '" + mmdd + "' is not a date (MMDD)");
    }
  }

  private static String reference(Field61 field, Mt940Narrative narrative) {
    if (narrative.reference() != null) {
      return narrative.reference();
    }
    String owner = field.getReferenceForTheAccountOwner();
    if (owner == null || owner.isBlank() || owner.trim().equals("NONREF")) {
      return null;
    }
    return owner.trim();
  }
}
