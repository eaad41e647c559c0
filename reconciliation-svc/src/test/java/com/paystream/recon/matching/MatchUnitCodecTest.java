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
   * amount mismatch judged and resolved by an operator (acknowledged), and a second mismatch open;
   * its ledger lines carry a trace id.
   */
  private static final String STORED =
      "0300057061792d310000000400154c7c616363742d636c656172696e672d5553447c310000000000"
          + "000027100003555344010003652d310000000a537c53544d542d317c310100000000000027100003"
          + "455552000001310001000a537c53544d542d317c3201000000000000271000034555520000013201"
          + "0100154c7c616363742d636c656172696e672d4555527c320000000000000002bc00034555520000"
          + "03652d32000000000002000345555200000000000027100003555344ffffffffffffd8f001000000"
          + "0000004ec10101000973696d756c61746f720100013101000653544d542d310100057061792d3101"
          + "0003652d320000000000000000000000000300000000000000070001001c62726b5f4d4d30544f59"
          + "5f3467322d6d4f514741545f504c666f677001010000000000004ec1000000020003455552010000"
          + "0000000027100100000000000002bc00035553440100000000000000000100000000000027100000"
          + "0001001c62726b5f384e4f444f36484c4f74353043504d414a417a3779646e500201000000000000"
          + "4ec10000000100034555520100000000000027100001000774726163652d6c";

  /** The same unit as the release before tracing stored it (version 2): no ledger trace id. */
  private static final String STORED_V2 =
      "0200057061792d310000000400154c7c616363742d636c656172696e672d5553447c310000000000"
          + "000027100003555344010003652d310000000a537c53544d542d317c310100000000000027100003"
          + "455552000001310001000a537c53544d542d317c3201000000000000271000034555520000013201"
          + "0100154c7c616363742d636c656172696e672d4555527c320000000000000002bc00034555520000"
          + "03652d32000000000002000345555200000000000027100003555344ffffffffffffd8f001000000"
          + "0000004ec10101000973696d756c61746f720100013101000653544d542d310100057061792d3101"
          + "0003652d320000000000000000000000000300000000000000070001001c62726b5f4d4d30544f59"
          + "5f3467322d6d4f514741545f504c666f677001010000000000004ec1000000020003455552010000"
          + "0000000027100100000000000002bc00035553440100000000000000000100000000000027100000"
          + "0001001c62726b5f384e4f444f36484c4f74353043504d414a417a3779646e500201000000000000"
          + "4ec100000001000345555201000000000000271000";

  /**
   * The same unit as the release before issue 15 stored it (version 1): break ids were the natural
   * keys, items did not say whether they were incoming payments, the unit kept no statement id.
   */
  private static final String STORED_V1 =
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
    unit.resolve(BreakIds.of("pay-1:2"), "USD booking accepted", "res-1", T0, RULES);
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

    assertThat(unit.openBreakIds()).containsExactly(BreakIds.of("pay-1:3"), BreakIds.of("pay-1:1"));
    assertThat(MatchUnitCodec.encode(unit)).isEqualTo(stored);
  }

  @Test
  void readsWhatTheReleaseBeforeTracingStoredAndWritesItWithoutATrace() {
    MatchUnit unit = MatchUnitCodec.decode(HexFormat.of().parseHex(STORED_V2));

    assertThat(unit.openBreakIds()).containsExactly(BreakIds.of("pay-1:3"), BreakIds.of("pay-1:1"));
    String written = HexFormat.of().formatHex(MatchUnitCodec.encode(unit));
    assertThat(written).isEqualTo("03" + STORED_V2.substring(2) + "00");
  }

  @Test
  void readsWhatTheReleaseBeforeStoredKeepingTheIdsItsBreaksWereIssuedWith() {
    MatchUnit unit = MatchUnitCodec.decode(HexFormat.of().parseHex(STORED_V1));

    assertThat(unit.openBreakIds()).containsExactly("pay-1:3", "pay-1:1");
    assertThat(unit.items())
        .filteredOn(MatchUnit.Item::statement)
        .extracting(MatchUnit.Item::incomingPayment)
        .as("credits were matched as payments then")
        .containsExactly(true, true);
    assertThat(HexFormat.of().formatHex(MatchUnitCodec.encode(unit))).startsWith("03");
  }
}
