package com.paystream.recon.statements.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.LineKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever code a bank writes, the kind agrees with the direction: only money coming in can be a
 * payment (a possible lost order), only money going out a refund; MT940 and ISO payouts go out.
 */
class BankTransactionKindsPropertyTest {

  /** Codes banks write (each format's, mixed: a bank may put any of them anywhere). */
  private static final List<String> VOCABULARY =
      List.of(
          "NTRF",
          "NCHG",
          "NCOM",
          "NMSC",
          "NRTI",
          "NSTO",
          "NINT",
          "S103",
          "FTRF",
          "PMNT",
          "ACMT",
          "SECU",
          "FORX",
          "RCDT",
          "ICDT",
          "IDDT",
          "RDDT",
          "CCRD",
          "MCRD",
          "MDOP",
          "MCOP",
          "ESCT",
          "CHRG",
          "FEES",
          "COMM",
          "RRTN",
          "RPCR",
          "ARET",
          "SWEP",
          "ZABA",
          "INTR",
          "OTHR",
          "NTRF+166",
          "NCHG+808");

  private static final Gen<String> CODES =
      integers()
          .between(0, 2 * VOCABULARY.size())
          .zip(
              strings().betweenCodePoints('0', 'Z').ofLengthBetween(0, 9),
              (pick, random) -> pick < VOCABULARY.size() ? VOCABULARY.get(pick) : random);
  private static final Gen<Direction> DIRECTIONS =
      booleans().all().map(credit -> credit ? Direction.CREDIT : Direction.DEBIT);

  @Test
  void mt940KindsAgreeWithTheDirection() {
    qt().withExamples(2_000)
        .forAll(CODES, DIRECTIONS, booleans().all())
        .checkAssert(
            (code, direction, reversal) ->
                assertAgrees(BankTransactionKinds.mt940(code, direction, reversal), direction));
  }

  private record Proprietary(String code, Direction direction) {}

  @Test
  void isoKindsAgreeWithTheDirection() {
    qt().withExamples(2_000)
        .forAll(CODES, CODES, CODES, CODES.zip(DIRECTIONS, Proprietary::new))
        .checkAssert(
            (domain, family, sub, proprietary) ->
                assertAgrees(
                    BankTransactionKinds.iso20022(
                        domain, family, sub, proprietary.code(), proprietary.direction()),
                    proprietary.direction()));
  }

  @Test
  void everyBai2DetailCodeHasADirectionAndAnAgreeingKind() {
    qt().forAll(integers().between(100, 699))
        .checkAssert(
            code -> {
              Direction direction = BankTransactionKinds.bai2Direction(code);
              LineKind kind = BankTransactionKinds.bai2(code);

              assertThat(direction).isEqualTo(code < 400 ? Direction.CREDIT : Direction.DEBIT);
              if (kind == LineKind.PAYMENT) {
                assertThat(direction).isEqualTo(Direction.CREDIT);
              }
              if (kind == LineKind.REFUND) {
                assertThat(direction).isEqualTo(Direction.DEBIT);
              }
            });
  }

  private static void assertAgrees(LineKind kind, Direction direction) {
    if (direction == Direction.DEBIT) {
      assertThat(kind).isNotEqualTo(LineKind.PAYMENT);
    } else {
      assertThat(kind).isNotIn(LineKind.REFUND, LineKind.PAYOUT);
    }
  }
}
