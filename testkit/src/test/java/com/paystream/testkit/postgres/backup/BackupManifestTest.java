package com.paystream.testkit.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupManifestTest {

  @Test
  void readsBackWhatItWrites() {
    BackupManifest manifest =
        new BackupManifest(
            "20261206T020000Z-daily",
            BackupKind.DAILY,
            "paystream \"daily\" \\ backup",
            Instant.parse("2026-12-06T02:00:00.123456Z"),
            Instant.parse("2026-12-06T02:00:03.5Z"),
            "0/3000028",
            "0/3000138",
            1,
            "000000010000000000000003",
            "000000010000000000000003",
            31_457_280);

    assertThat(BackupManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
    assertThat(manifest.toJson()).contains("\"sizeBytes\": 31457280");
  }

  @Test
  void namesABackupByItsStartSoAnIncompleteOneStillHasAnAge() {
    Instant started = Instant.parse("2026-12-06T02:59:59.900Z");

    String id = BackupManifest.idFor(started, BackupKind.HOURLY);

    assertThat(id).isEqualTo("20261206T025959Z-hourly");
    assertThat(BackupManifest.startedFromId(id)).isEqualTo(Instant.parse("2026-12-06T02:59:59Z"));
  }

  @Test
  void refusesAManifestWithoutItsWalFiles() {
    assertThatThrownBy(() -> BackupManifest.fromJson("{\"id\": \"x\", \"kind\": \"DAILY\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without");
  }
}
