package com.paystream.testkit.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalFileNameTest {

  private static final long SIXTEEN_MIB = 16L * 1024 * 1024;

  @Test
  void readsTheKindsOfArchivedFiles() {
    assertThat(WalFileName.parse("000000020000000A000000FF").orElseThrow())
        .isEqualTo(
            new WalFileName(
                "000000020000000A000000FF", WalFileName.Type.SEGMENT, 2, "0000000A000000FF"));
    assertThat(WalFileName.parse("000000010000000000000005.partial").orElseThrow().type())
        .isEqualTo(WalFileName.Type.PARTIAL);
    assertThat(WalFileName.parse("000000010000000000000003.00000028.backup").orElseThrow().type())
        .isEqualTo(WalFileName.Type.BACKUP_HISTORY);
    assertThat(WalFileName.parse("00000002.history").orElseThrow())
        .isEqualTo(new WalFileName("00000002.history", WalFileName.Type.TIMELINE_HISTORY, 2, ""));
  }

  @Test
  void ignoresWhatIsNotAWalFile() {
    assertThat(WalFileName.parse("000000010000000000000003.tmp")).isEmpty();
    assertThat(WalFileName.parse("archive_status")).isEmpty();
    assertThat(WalFileName.parse("00000001000000000000003")).isEmpty();
  }

  @Test
  void ordersByPlaceInTheWalWhateverTheTimeline() {
    WalFileName oldTimelineLater = WalFileName.segment("000000010000000000000009");
    WalFileName newTimelineEarlier = WalFileName.segment("000000020000000000000007");

    assertThat(newTimelineEarlier.comparePosition(oldTimelineLater)).isNegative();
    assertThat(
            WalFileName.segment("000000010000000100000000")
                .comparePosition(WalFileName.segment("0000000100000000000000FF")))
        .isPositive();
  }

  @Test
  void nextSegmentCrossesIntoTheNextLogAfterTheLastSegmentOfOne() {
    assertThat(WalFileName.segment("0000000100000000000000FE").nextSegmentName(1, SIXTEEN_MIB))
        .isEqualTo("0000000100000000000000FF");
    assertThat(WalFileName.segment("0000000100000000000000FF").nextSegmentName(1, SIXTEEN_MIB))
        .isEqualTo("000000010000000100000000");
    assertThat(
            WalFileName.segment("000000010000000000000FFF")
                .nextSegmentName(1, 1024 * 1024)) // 1 MiB segments: 4096 per log
        .isEqualTo("000000010000000100000000");
  }

  @Test
  void historyFilesHaveNoPlaceInTheWal() {
    WalFileName history = WalFileName.parse("00000002.history").orElseThrow();

    assertThatThrownBy(
            () -> history.comparePosition(WalFileName.segment("000000010000000000000001")))
        .isInstanceOf(IllegalStateException.class);
  }
}
