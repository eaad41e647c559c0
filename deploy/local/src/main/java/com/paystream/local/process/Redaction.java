package com.paystream.local.process;

import java.util.List;
import java.util.regex.Pattern;

/** Hides the values of secret-looking {@code --key=value} arguments before a command is logged. */
final class Redaction {

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i)^(--?[^=]*(password|secret|token|credential|key)[^=]*=).*$");

  private Redaction() {}

  static String commandLine(List<String> command) {
    return String.join(" ", command.stream().map(Redaction::argument).toList());
  }

  static String argument(String argument) {
    return SECRET_KEY.matcher(argument).replaceFirst("$1****");
  }
}
