package com.paystream.relay.operator.web;

import com.paystream.relay.operator.InvalidRequestException;
import com.paystream.relay.operator.MessageFilter;
import com.paystream.relay.operator.MessageState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;

/** Turns the operator's query parameters or request fields into a filter, naming what is wrong. */
final class Filters {

  private static final int MAX_TEXT = 200;

  private Filters() {}

  static MessageFilter of(
      List<String> states, String provider, String paymentId, String olderThan, MessageState dflt) {
    return new MessageFilter(
        states(states, dflt),
        text("provider", provider),
        text("paymentId", paymentId),
        duration(olderThan));
  }

  private static EnumSet<MessageState> states(List<String> values, MessageState dflt) {
    EnumSet<MessageState> states = EnumSet.noneOf(MessageState.class);
    if (values != null) {
      for (String value : values) {
        for (String one : value.split(",")) {
          if (!one.isBlank()) {
            states.add(state(one.trim()));
          }
        }
      }
    }
    if (states.isEmpty()) {
      return dflt == null ? EnumSet.allOf(MessageState.class) : EnumSet.of(dflt);
    }
    return states;
  }

  private static MessageState state(String value) {
    try {
      return MessageState.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "status", "'" + value + "' is not one of " + List.of(MessageState.values()));
    }
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidRequestException(field, "longer than " + MAX_TEXT + " characters");
    }
    return value;
  }

  private static Duration duration(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration parsed;
    try {
      parsed = DurationStyle.detectAndParse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "olderThan", "'" + value + "' is not a duration (e.g. PT15M or 15m)");
    }
    if (parsed.isNegative()) {
      throw new InvalidRequestException("olderThan", "must not be negative");
    }
    return parsed;
  }

  static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "required: say why you redrive");
    }
    if (reason.length() > 1000) {
      throw new InvalidRequestException("reason", "longer than 1000 characters");
    }
    return reason.trim();
  }
}
