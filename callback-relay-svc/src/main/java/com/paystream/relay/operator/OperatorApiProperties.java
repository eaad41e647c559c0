package com.paystream.relay.operator;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operators allowed to use the API: a name (written into every audit record) and the SHA-256 of
 * their token, hex-encoded. Only hashes are configured, so the configuration never holds a usable
 * secret. No operators configured means the API answers 401 to everybody.
 */
@ConfigurationProperties("paystream.relay.operator-api")
public record OperatorApiProperties(List<Operator> operators) {

  public OperatorApiProperties {
    operators = operators == null ? List.of() : List.copyOf(operators);
  }

  /** One operator; {@code tokenSha256} is 64 hex characters. */
  public record Operator(String name, String tokenSha256) {
    public Operator {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an operator needs a name");
      }
      if (tokenSha256 == null || !tokenSha256.matches("(?i)[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "operator " + name + ": token-sha256 must be 64 hex characters (SHA-256 of the token)");
      }
      tokenSha256 = tokenSha256.toLowerCase(Locale.ROOT);
    }

    byte[] hash() {
      return HexFormat.of().parseHex(tokenSha256);
    }
  }
}
