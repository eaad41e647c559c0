package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.paystream.security.SecurityProperties.Key;
import com.paystream.security.SecurityProperties.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No token but the configured one proves a key (QuickTheories: generators, shrinking). */
class ApiKeyRegistryPropertyTest {

  private static final String TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  private final ApiKeyToken.Issued issued = ApiKeyToken.issue();
  private final ApiKeyRegistry registry =
      new ApiKeyRegistry(
          List.of(
              new Principal(
                  "alice",
                  Role.OPERATOR,
                  null,
                  List.of(new Key(issued.keyId(), issued.sha256Hex())))));

  @Test
  void theConfiguredTokenAuthenticates() {
    assertThat(registry.authenticate(issued.token())).isPresent();
  }

  @Test
  void changingAnyOneCharacterOfTheTokenRefusesIt() {
    String token = issued.token();
    qt().withExamples(2_000)
        .forAll(
            integers().between(0, token.length() - 1),
            integers().between(0, TOKEN_ALPHABET.length() - 1))
        .assuming((at, with) -> token.charAt(at) != TOKEN_ALPHABET.charAt(with))
        .checkAssert(
            (at, with) -> {
              String mutated =
                  token.substring(0, at) + TOKEN_ALPHABET.charAt(with) + token.substring(at + 1);

              assertThat(registry.authenticate(mutated)).isEmpty();
            });
  }

  @Test
  void aRandomSecretBehindTheRightKeyIdIsRefused() {
    qt().withExamples(2_000)
        .forAll(strings().basicLatinAlphabet().ofLength(43))
        .checkAssert(
            secret -> {
              String guess = "psk_" + issued.keyId() + "_" + secret;

              assertThat(guess.equals(issued.token()) || registry.authenticate(guess).isEmpty())
                  .isTrue();
            });
  }

  @Test
  void randomTextIsRefused() {
    qt().withExamples(2_000)
        .forAll(strings().allPossible().ofLengthBetween(0, 120))
        .checkAssert(text -> assertThat(registry.authenticate(text)).isEmpty());
  }
}
