package com.paystream.local.services;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Extra arguments for one service, from the system property {@code local-stack.<name>.args} or, if
 * that is unset, the environment variable {@code LOCAL_STACK_<NAME>_ARGS}; split at whitespace.
 * Example: {@code LOCAL_STACK_LEDGER_ARGS="--logging.level.com.paystream=DEBUG"}.
 */
public final class ExtraArgs {

  private final Properties systemProperties;
  private final Map<String, String> environment;

  public ExtraArgs(Properties systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  public static ExtraArgs fromRuntime() {
    return new ExtraArgs(System.getProperties(), System.getenv());
  }

  public List<String> forService(String name) {
    String value = systemProperties.getProperty(propertyName(name));
    if (value == null) {
      value = environment.get(environmentName(name));
    }
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.asList(value.strip().split("\\s+"));
  }

  public static String propertyName(String service) {
    return "local-stack." + service + ".args";
  }

  public static String environmentName(String service) {
    return "LOCAL_STACK_" + service.toUpperCase(Locale.ROOT) + "_ARGS";
  }
}
