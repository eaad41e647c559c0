package com.paystream.local.process;

/** Exit statuses as a person reads them: 137 is "killed by SIGKILL", not just a number. */
final class ExitStatus {

  private ExitStatus() {}

  static String describe(int status) {
    return switch (status) {
      case 0 -> "exit 0";
      case 130 -> "exit 130, SIGINT";
      case 137 -> "exit 137, SIGKILL";
      case 143 -> "exit 143, SIGTERM";
      default -> "exit " + status;
    };
  }
}
