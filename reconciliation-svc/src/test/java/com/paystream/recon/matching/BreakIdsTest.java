package com.paystream.recon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreakIdsTest {

  @Test
  void aNaturalKeyNoUrlCanNameBecomesAnIdEveryUrlCan() {
    String id = BreakIds.of("unreferenced:STARTUMS/00001/1:1");

    assertThat(id).matches(BreakIds.SHAPE).hasSize(28).doesNotContain("/", ":", "%", "+", "=");
    assertThat(URI.create("http://localhost/v1/breaks/" + id + "/resolution").getPath())
        .isEqualTo("/v1/breaks/" + id + "/resolution");
  }

  @Test
  void theSameKeyAlwaysGivesTheSameIdAndOtherKeysOtherIds() {
    assertThat(BreakIds.of("pay-1:1")).isEqualTo(BreakIds.of("pay-1:1"));
    Set<String> ids = new HashSet<>();
    for (int n = 1; n <= 10_000; n++) {
      ids.add(BreakIds.of("pay-1:" + n));
      ids.add(BreakIds.of("pay-1:i" + n));
    }
    assertThat(ids).hasSize(20_000);
  }
}
