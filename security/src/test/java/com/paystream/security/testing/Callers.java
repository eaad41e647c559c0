package com.paystream.security.testing;

import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.PrincipalKeys.Holder;
import com.paystream.security.Role;
import java.util.List;
import java.util.Map;

/**
 * The principals the services' test contexts know, with keys minted per test JVM: two operators
 * (for four eyes), an auditor, an admin and two merchants ({@code m-1}, whose payments most tests
 * book, and {@code m-other}, who must see nothing of m-1's). Register {@link #properties()}.
 */
public final class Callers {

  public static final String OPERATOR = ApiKeyToken.issue().token();
  public static final String OPERATOR2 = ApiKeyToken.issue().token();
  public static final String AUDITOR = ApiKeyToken.issue().token();
  public static final String ADMIN = ApiKeyToken.issue().token();

  public static final String MERCHANT = ApiKeyToken.issue().token();

  public static final String OTHER_MERCHANT = ApiKeyToken.issue().token();

  private Callers() {}

  public static Map<String, String> properties() {
    return PrincipalKeys.properties(
        List.of(
            Holder.of("olga", Role.OPERATOR, OPERATOR),
            Holder.of("oscar", Role.OPERATOR, OPERATOR2),
            Holder.of("ada", Role.AUDITOR, AUDITOR),
            Holder.of("root", Role.ADMIN, ADMIN),
            Holder.merchant("m-1", "m-1", MERCHANT),
            Holder.merchant("m-other", "m-other", OTHER_MERCHANT)));
  }
}
