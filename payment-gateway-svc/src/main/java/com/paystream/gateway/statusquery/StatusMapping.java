package com.paystream.gateway.statusquery;

import com.paystream.gateway.payments.PaymentStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's status names onto the gateway's {@link PaymentStatus}. The providers package keeps
 * the name as a string so that it does not depend on the payments feature; the mapping is here,
 * where the answer is used. Names are matched case-insensitively; the common synonyms of providers
 * are accepted, anything else is unknown (refused and counted, never guessed).
 */
public final class StatusMapping {

  private static final Map<String, PaymentStatus> NAMES =
      Map.ofEntries(
          Map.entry("CREATED", PaymentStatus.CREATED),
          Map.entry("PENDING", PaymentStatus.PENDING),
          Map.entry("PROCESSING", PaymentStatus.PENDING),
          Map.entry("SUCCEEDED", PaymentStatus.SUCCEEDED),
          Map.entry("FAILED", PaymentStatus.FAILED),
          Map.entry("CANCELLED", PaymentStatus.CANCELLED),
          Map.entry("CANCELED", PaymentStatus.CANCELLED),
          Map.entry("REFUNDED", PaymentStatus.REFUNDED));

  private StatusMapping() {}

  public static Optional<PaymentStatus> map(String providerStatus) {
    if (providerStatus == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(NAMES.get(providerStatus.trim().toUpperCase(Locale.ROOT)));
  }

  /** CREATED and PENDING: no outcome yet, so worth asking about. */
  public static boolean isOpen(PaymentStatus status) {
    return status == PaymentStatus.CREATED || status == PaymentStatus.PENDING;
  }
}
