package com.paystream.local.live;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a panel's expression into one Prometheus runs as it is: Grafana's interval variables become
 * a duration of the check's choosing, and any other template variable (a dashboard's own, such as
 * {@code $currency}) matches every value. The dashboards use none today; this keeps a future one
 * from failing the check for the wrong reason.
 */
final class GrafanaVariables {

  /**
   * {@code $name}, {@code ${name}} or {@code ${name:format}}; {@code [[name]]} is Grafana's old
   * form.
   */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

  /**
   * A label matcher whose value is only a variable: {@code label="$var"} or {@code label=~"$var"}.
   */
  private static final Pattern MATCHER_OF_VARIABLE =
      Pattern.compile(
          "(\\w+)\\s*(=~|=|!~|!=)\\s*\"(\\$\\{\\w+(?::[^}]*)?}|\\$\\w+|\\[\\[\\w+]])\"");

  private GrafanaVariables() {}

  /**
   * @param rateInterval what {@code $__rate_interval} and {@code $__interval} stand for
   * @param range what {@code $__range} stands for (the whole span asked)
   */
  static String substitute(String expr, Duration rateInterval, Duration range) {
    Matcher matchers = MATCHER_OF_VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (matchers.find()) {
      String name = name(matchers.group(3));
      String replacement =
          isBuiltIn(name)
              ? matchers.group()
              : matchers.group(1) + (matchers.group(2).startsWith("!") ? "!~" : "=~") + "\".*\"";
      matchers.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matchers.appendTail(out);
    Matcher variables = VARIABLE.matcher(out.toString());
    StringBuilder result = new StringBuilder();
    while (variables.find()) {
      String name =
          variables.group(1) != null
              ? variables.group(1)
              : variables.group(2) != null ? variables.group(2) : variables.group(3);
      String replacement =
          switch (name) {
            case "__rate_interval", "__interval", "interval" -> promDuration(rateInterval);
            case "__range" -> promDuration(range);
            case "__range_s" -> Long.toString(range.toSeconds());
            case "__interval_ms" -> Long.toString(rateInterval.toMillis());
            default -> ".*";
          };
      variables.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    variables.appendTail(result);
    return result.toString();
  }

  private static String name(String variable) {
    Matcher matcher = VARIABLE.matcher(variable);
    if (!matcher.matches()) {
      return variable;
    }
    for (int group = 1; group <= 3; group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return variable;
  }

  private static boolean isBuiltIn(String name) {
    return name.startsWith("__") || name.equals("interval");
  }

  private static String promDuration(Duration duration) {
    return Math.max(1, duration.toSeconds()) + "s";
  }
}
