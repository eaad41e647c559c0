package com.paystream.recon.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountMaskTest {

  @Test
  void showsOnlyTheFirstAndLastFourCharacters() {
    assertThat(AccountMask.mask("DE89 3704 0044 0532 0130 00")).isEqualTo("DE89**************3000");
    assertThat(AccountMask.mask("12345678")).isEqualTo("********");
    assertThat(AccountMask.mask(null)).isEqualTo("unknown");
  }
}
