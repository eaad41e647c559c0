package com.paystream.relay.operator.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.relay.input.RequestInput;
import com.paystream.relay.operator.MessageFilter;
import com.paystream.relay.operator.MessageState;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Turns the operator's query parameters or request fields into a filter, naming what is wrong. */
final class Filters {

  private Filters() {}

  static MessageFilter of(
      RequestInput input,
      List<String> states,
      String provider,
      String paymentId,
      String olderThan,
      MessageState dflt) {
    return new MessageFilter(
        states(states, dflt),
        input.identifier("provider", provider),
        input.identifier("paymentId", paymentId),
        input.age("olderThan", olderThan));
  }

  private static EnumSet<MessageState> states(List<String> values, MessageState dflt) {
    EnumSet<MessageState> states = EnumSet.noneOf(MessageState.class);
    if (values != null) {
      for (String value : values) {
        if (value == null) {
          continue;
        }
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
      throw new InputRefusedException(
          InputReason.MALFORMED,
          "status",
          "status must be one of %s, was %s"
              .formatted(List.of(MessageState.values()), InputPolicy.echo(value)));
    }
  }

  static String reason(RequestInput input, String reason) {
    return input.requiredText("reason", reason, "say why you redrive");
  }
}
