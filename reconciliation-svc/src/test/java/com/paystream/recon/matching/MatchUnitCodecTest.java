package com.paystream.recon.matching;

import static com.paystream.recon.matching.Lines.DAY;
import static com.paystream.recon.matching.Lines.RULES;
import static com.paystream.recon.matching.Lines.T0;
import static com.paystream.recon.matching.Lines.credit;
import static com.paystream.recon.matching.Lines.ledger;
import static com.paystream.recon.matching.Lines.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes of a unit in the state store and its changelog are a contract with what is stored. */
class MatchUnitCodecTest {

  /**
   * A unit with every part filled in: a USD booking, a EUR credit, a duplicate of it (open), an
   * amount mismatch judged and resolved by an operator (acknowledged), and a second mismatch open.
   */
  private static final String STORED =
      "0100057061792d310000000400154c7c616363742d636c656172696e672d5553447c310000000000"
          + "000027100003555344010003652d3100000a537c53544d542d317c31010000000000002710000345"
          + "55520000013100000a537c53544d542d317c32010000000000002710000345555200000132010015"
          + "4c7c616363742d636c656172696e672d4555527c320000000000000002bc0003455552000003652d"
          + "320000000002000345555200000000000027100003555344ffffffffffffd8f0010000000000004e"
          + "c10101000973696d756c61746f7201000131010003652d3200000000000000000000000003000000"
          + "0000000007000100077061792d313a3301010000000000004ec10000000200034555520100000000"
          + "000027100100000000000002bc000355534401000000000000000001000000000000271000000001"
          + "00077061792d313a3102010000000000004ec100000001000345555201000000000000271000";

  private static MatchUnit everyPartFilledIn() {
    MatchUnit unit = MatchUnit.empty("pay-1");
    unit.accept(payment("pay-1", "e-1", 1, 10000, "USD"), T0, RULES);
    unit.accept(credit("pay-1", "1", 10000, "EUR"), T0, RULES);
    unit.accept(credit("pay-1", "2", 10000, "EUR"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);
    unit.resolve("pay-1:2", "USD booking accepted", "res-1", T0, RULES);
    unit.accept(ledger("pay-1", "e-2", 2, false, Direction.DEBIT, 700, "EUR", DAY), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);
    return unit;
  }

  @Test
  void encodesAUnitAsItWasAlwaysStored() {
    assertThat(HexFormat.of().formatHex(MatchUnitCodec.encode(everyPartFilledIn())))
        .isEqualTo(STORED);
  }

  @Test
  void decodesAStoredUnitAndWritesTheSameBytesBack() {
    byte[] stored = HexFormat.of().parseHex(STORED);

    MatchUnit unit = MatchUnitCodec.decode(stored);

    assertThat(unit.openBreakIds()).containsExactly("pay-1:3", "pay-1:1");
    assertThat(MatchUnitCodec.encode(unit)).isEqualTo(stored);
  }
}
