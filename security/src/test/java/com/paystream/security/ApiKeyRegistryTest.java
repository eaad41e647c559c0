package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.security.SecurityProperties.Key;
import com.paystream.security.SecurityProperties.Principal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

  private final ApiKeyToken.Issued alice = ApiKeyToken.issue();
  private final ApiKeyToken.Issued aliceNext = ApiKeyToken.issue();
  private final ApiKeyToken.Issued shop = ApiKeyToken.issue();

  private static Key key(ApiKeyToken.Issued issued) {
    return new Key(issued.keyId(), issued.sha256Hex());
  }

  private ApiKeyRegistry registry() {
    return new ApiKeyRegistry(
        List.of(
            new Principal("alice", Role.OPERATOR, null, List.of(key(alice), key(aliceNext))),
            new Principal("shop-1", Role.MERCHANT, "m-1", List.of(key(shop)))));
  }

  @Test
  void configuredTokenAuthenticatesToItsActor() {
    assertThat(registry().authenticate(alice.token()))
        .contains(new Actor("alice", Role.OPERATOR, Optional.empty(), "key:" + alice.keyId()));
    assertThat(registry().authenticate(shop.token()))
        .contains(new Actor("shop-1", Role.MERCHANT, Optional.of("m-1"), "key:" + shop.keyId()));
  }

  @Test
  void bothKeysOfOnePrincipalWorkDuringRotation() {
    ApiKeyRegistry registry = registry();

    assertThat(registry.authenticate(alice.token()).map(Actor::name)).contains("alice");
    assertThat(registry.authenticate(aliceNext.token()).map(Actor::name)).contains("alice");
    assertThat(registry.authenticate(aliceNext.token()).map(Actor::credential))
        .contains("key:" + aliceNext.keyId());
  }

  @Test
  void wrongSecretWithKnownKeyIdIsRefused() {
    String otherSecret = ApiKeyToken.issue().token().replaceFirst("psk_[^_]+_", "");
    String forged = "psk_" + alice.keyId() + "_" + otherSecret;

    assertThat(ApiKeyToken.keyId(forged)).contains(alice.keyId());
    assertThat(registry().authenticate(forged)).isEmpty();
  }

  @Test
  void unknownKeyIdIsRefused() {
    assertThat(registry().authenticate(ApiKeyToken.issue().token())).isEmpty();
  }

  @Test
  void malformedTokensAreRefused() {
    ApiKeyRegistry registry = registry();

    assertThat(registry.authenticate("")).isEmpty();
    assertThat(registry.authenticate("garbage")).isEmpty();
    assertThat(registry.authenticate(alice.token() + "x")).isEmpty();
    assertThat(registry.authenticate(alice.token().substring(1))).isEmpty();
    assertThat(registry.authenticate(" " + alice.token())).isEmpty();
    assertThat(registry.authenticate("psk_" + alice.keyId())).isEmpty();
  }

  @Test
  void keyRemovedFromTheConfigurationNoLongerWorks() {
    ApiKeyRegistry afterRevocation =
        new ApiKeyRegistry(
            List.of(new Principal("alice", Role.OPERATOR, null, List.of(key(aliceNext)))));

    assertThat(afterRevocation.authenticate(alice.token())).isEmpty();
    assertThat(afterRevocation.authenticate(aliceNext.token())).isPresent();
  }

  @Test
  void listsKeyIdsWithTheirActorsButNoHashes() {
    assertThat(registry().keys())
        .containsOnlyKeys(alice.keyId(), aliceNext.keyId(), shop.keyId())
        .hasValueSatisfying(
            new org.assertj.core.api.Condition<>(actor -> actor.name().equals("shop-1"), "shop"));
  }

  @Test
  void refusesThreeKeysForOnePrincipal() {
    List<Key> three = List.of(key(alice), key(aliceNext), key(ApiKeyToken.issue()));

    assertThatThrownBy(
            () -> new ApiKeyRegistry(List.of(new Principal("alice", Role.OPERATOR, null, three))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alice'")
        .hasMessageContaining("has 3 keys; at most 2");
  }

  @Test
  void refusesOneKeyIdConfiguredTwice() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(
                        new Principal("alice", Role.OPERATOR, null, List.of(key(alice))),
                        new Principal("bob", Role.OPERATOR, null, List.of(key(alice))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("API key id " + alice.keyId() + " is configured twice");
  }

  @Test
  void refusesOnePrincipalConfiguredTwice() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(
                        new Principal("alice", Role.OPERATOR, null, List.of(key(alice))),
                        new Principal("alice", Role.AUDITOR, null, List.of(key(aliceNext))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alice' is configured twice");
  }

  @Test
  void refusesAHashThatIsNotSha256Hex() {
    Key bad = new Key(alice.keyId(), alice.sha256Hex().substring(1) + "g");

    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(new Principal("alice", Role.OPERATOR, null, List.of(bad)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key " + alice.keyId() + ": sha256 must be 64 hex digits");
  }

  @Test
  void refusesAKeyIdThatNoTokenCanCarry() {
    Key bad = new Key("short", alice.sha256Hex());

    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(new Principal("alice", Role.OPERATOR, null, List.of(bad)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a key id is 8 to 32 letters or digits");
  }

  @Test
  void refusesAMerchantWithoutMerchantId() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(new Principal("shop-1", Role.MERCHANT, " ", List.of(key(shop))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'shop-1'")
        .hasMessageContaining("merchant id");
  }

  @Test
  void refusesAMerchantIdOnAnotherRole() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(new Principal("alice", Role.OPERATOR, "m-1", List.of(key(alice))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alice'")
        .hasMessageContaining("merchant id");
  }

  @Test
  void refusesAPrincipalWithoutNameOrRole() {
    assertThatThrownBy(
            () -> new ApiKeyRegistry(List.of(new Principal(" ", Role.OPERATOR, null, List.of()))))
        .hasMessageContaining("needs a name and a role");
    assertThatThrownBy(
            () -> new ApiKeyRegistry(List.of(new Principal("alice", null, null, List.of()))))
        .hasMessageContaining("needs a name and a role");
  }
}
