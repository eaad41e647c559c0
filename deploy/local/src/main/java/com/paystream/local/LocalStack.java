package com.paystream.local;

/**
 * {@code java -jar deploy/local/target/local-stack-<version>.jar [--fresh] [--data-dir DIR]}:
 * starts the whole suite locally and keeps it running until Ctrl-C.
 */
public final class LocalStack {

  static final String LOGBACK_CONFIG = "com/paystream/testkit/logback-infrastructure.xml";

  private LocalStack() {}

  public static void main(String[] args) {
    // Before the first logger exists: the launcher logs like the broker and database it starts.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    RepositoryLayout repository = RepositoryLayout.detect();
    StackOptions options;
    try {
      options = StackOptions.parse(repository.defaultDataDir(), args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(StackOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(StackOptions.USAGE);
      return;
    }
    System.exit(new StackRunner(repository, options).run());
  }
}
