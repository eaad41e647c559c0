package com.paystream.recon.statements.formats;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.LineKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bank's transaction code says a statement line is, for every format in one place: the MT940
 * {@code :61:} transaction type identification code ({@code NTRF}, {@code NCHG}, {@code S103}), the
 * ISO 20022 bank transaction code of camt.052/053 ({@code Domn/Fmly/SubFmlyCd}, else a SWIFT-style
 * {@code Prtry/Cd}) and the BAI2 type code.
 *
 * <p>The rules, the same for every format (docs/decisions.md, "Statement formats (issue 15)"):
 *
 * <ul>
 *   <li>charges, fees and commissions are {@link LineKind#FEE}, whichever way the money went (a
 *       refunded fee is still about fees, never a customer's payment);
 *   <li>returns and reversals taking money out are {@link LineKind#REFUND} (money going back to the
 *       payer); a return bringing money back in (our payout bounced) is {@link LineKind#OTHER},
 *       never a payment that could be a lost order;
 *   <li>transfers out (credit transfers issued, sweeps, zero balancing) are {@link
 *       LineKind#PAYOUT}, and so are settlement and concentration credits in BAI2 (a processor or
 *       our own sweep, not a customer);
 *   <li>credits that are interest, dividends, securities or foreign exchange are {@link
 *       LineKind#OTHER};
 *   <li>any other credit is {@link LineKind#PAYMENT}: a credit the code does not explain may be a
 *       customer's payment, and missing a lost order costs more than an operator's look at a break;
 *       any other debit is {@link LineKind#OTHER}.
 * </ul>
 */
final class BankTransactionKinds {

  private BankTransactionKinds() {}

  // --- MT940 :61: subfield 6: N/F + three letters, or S + the SWIFT message type ------------

  private static final Pattern SWIFT_CODE = Pattern.compile("([NFS])([A-Z0-9]{3})");
  private static final Set<String> MT_FEES = Set.of("CHG", "COM", "BRF");
  private static final Set<String> MT_RETURNS = Set.of("RTI");
  private static final Set<String> MT_TRANSFERS_OUT =
      Set.of("TRF", "STO", "CMT", "CMZ", "CMS", "SWP", "ZBA");
  private static final Set<String> MT_NOT_PAYMENTS =
      Set.of(
          "INT", "DIV", "SEC", "FEX", "LDP", "MAR", "MAT", "RED", "SLE", "SUB", "TCK", "TCM", "EQA",
          "OPT", "PRN", "NWI", "DCR", "LBX");

  /**
   * @param typeCode the four characters after the amount in {@code :61:}, e.g. {@code NTRF}
   * @param reversal the mark was {@code RC} or {@code RD}
   */
  static LineKind mt940(String typeCode, Direction direction, boolean reversal) {
    if (reversal) {
      return returned(direction);
    }
    Matcher code = SWIFT_CODE.matcher(typeCode == null ? "" : typeCode.toUpperCase(Locale.ROOT));
    if (!code.matches()) {
      return fallback(direction);
    }
    String id = code.group(1).equals("S") ? "TRF" : code.group(2);
    if (MT_FEES.contains(id)) {
      return LineKind.FEE;
    }
    if (MT_RETURNS.contains(id)) {
      return returned(direction);
    }
    if (direction == Direction.DEBIT) {
      return MT_TRANSFERS_OUT.contains(id) ? LineKind.PAYOUT : LineKind.OTHER;
    }
    return MT_NOT_PAYMENTS.contains(id) ? LineKind.OTHER : LineKind.PAYMENT;
  }

  // --- ISO 20022 BkTxCd -----------------------------------------------------------------------

  private static final Set<String> ISO_FEES = Set.of("CHRG", "FEES", "COMM", "COMT", "BCHG");
  private static final Set<String> ISO_RETURNS =
      Set.of("RRTN", "RPCR", "RRCT", "RCDD", "UPDD", "ARET", "AREV", "PRDD", "RCOV");
  private static final Set<String> ISO_OUT_FAMILIES = Set.of("ICDT");
  private static final Set<String> ISO_SWEEPS = Set.of("SWEP", "ZABA", "TOPG");
  private static final Set<String> ISO_NOT_PAYMENT_DOMAINS = Set.of("SECU", "FORX", "DERV", "CMDT");
  private static final Set<String> ISO_NOT_PAYMENT_SUBFAMILIES = Set.of("INTR", "DIVD", "FEXC");

  /**
   * @param domain {@code Domn/Cd}, e.g. {@code PMNT}; null when absent
   * @param family {@code Domn/Fmly/Cd}, e.g. {@code RCDT}
   * @param subFamily {@code Domn/Fmly/SubFmlyCd}, e.g. {@code ESCT}
   * @param proprietary {@code Prtry/Cd}, read as a SWIFT code when it starts like one ({@code
   *     NTRF+166})
   */
  static LineKind iso20022(
      String domain, String family, String subFamily, String proprietary, Direction direction) {
    if (domain == null && family == null && subFamily == null) {
      return proprietary(proprietary, direction);
    }
    String sub = upper(subFamily);
    if (ISO_FEES.contains(sub) || ISO_FEES.contains(upper(family))) {
      return LineKind.FEE;
    }
    if (ISO_RETURNS.contains(sub)) {
      return returned(direction);
    }
    if (direction == Direction.DEBIT) {
      return ISO_OUT_FAMILIES.contains(upper(family)) || ISO_SWEEPS.contains(sub)
          ? LineKind.PAYOUT
          : LineKind.OTHER;
    }
    if (ISO_NOT_PAYMENT_DOMAINS.contains(upper(domain))
        || ISO_NOT_PAYMENT_SUBFAMILIES.contains(sub)) {
      return LineKind.OTHER;
    }
    return LineKind.PAYMENT;
  }

  private static LineKind proprietary(String proprietary, Direction direction) {
    if (proprietary == null || proprietary.length() < 4) {
      return fallback(direction);
    }
    String head = proprietary.substring(0, 4).toUpperCase(Locale.ROOT);
    return SWIFT_CODE.matcher(head).matches() ? mt940(head, direction, false) : fallback(direction);
  }

  // --- BAI2 type codes: 100–399 credits, 400–699 debits ----------------------------------------

  private static final Set<Integer> BAI_FEES = Set.of(524, 564, 567, 661, 698);
  private static final Set<Integer> BAI_RETURNS_IN = Set.of(252, 255, 257, 258, 261, 266, 268);
  private static final Set<Integer> BAI_RETURNS_OUT = Set.of(552, 555, 557, 558, 566, 568);
  private static final Set<Integer> BAI_SETTLEMENTS_IN = Set.of(145, 166, 274, 275, 277);
  private static final Set<Integer> BAI_TRANSFERS_OUT =
      Set.of(445, 495, 501, 506, 508, 574, 575, 577);
  private static final Set<Integer> BAI_NOT_PAYMENTS_IN =
      Set.of(224, 242, 244, 346, 347, 354, 355, 358, 359, 398);

  /** Whether a BAI2 detail type code is a credit (100–399) or a debit (400–699); null otherwise. */
  static Direction bai2Direction(int typeCode) {
    if (typeCode >= 100 && typeCode <= 399) {
      return Direction.CREDIT;
    }
    if (typeCode >= 400 && typeCode <= 699) {
      return Direction.DEBIT;
    }
    return null;
  }

  /** The kind of a BAI2 detail type code in 100–699. */
  static LineKind bai2(int typeCode) {
    Direction direction = bai2Direction(typeCode);
    if (direction == null) {
      throw new IllegalArgumentException("not a BAI2 credit or debit type code: " + typeCode);
    }
    if (BAI_FEES.contains(typeCode)) {
      return LineKind.FEE;
    }
    if (BAI_RETURNS_OUT.contains(typeCode)) {
      return LineKind.REFUND;
    }
    if (BAI_RETURNS_IN.contains(typeCode)) {
      return LineKind.OTHER;
    }
    if (BAI_SETTLEMENTS_IN.contains(typeCode) || BAI_TRANSFERS_OUT.contains(typeCode)) {
      return LineKind.PAYOUT;
    }
    if (direction == Direction.DEBIT) {
      return LineKind.OTHER;
    }
    return BAI_NOT_PAYMENTS_IN.contains(typeCode) ? LineKind.OTHER : LineKind.PAYMENT;
  }

  // --- shared ---------------------------------------------------------------------------------

  private static LineKind returned(Direction direction) {
    return direction == Direction.DEBIT ? LineKind.REFUND : LineKind.OTHER;
  }

  /** What a line whose code says nothing is: a credit may be a payment, a debit is other. */
  static LineKind fallback(Direction direction) {
    return direction == Direction.CREDIT ? LineKind.PAYMENT : LineKind.OTHER;
  }

  private static String upper(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }
}
