package com.paystream.local;

import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.util.List;

/**
 * {@code java -jar deploy/local/target/local-stack-<version>.jar [--fresh] [--data-dir DIR]}:
 * starts the whole suite locally and keeps it running until Ctrl-C; with {@code --verify-journal}
 * it only verifies the journal of the stack already running.
 */
public final class LocalStack {

  static final String LOGBACK_CONFIG =
      com.paystream.local.process.JavaCommand.INFRASTRUCTURE_LOGBACK;

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
    if (options.verifyJournal()) {
      System.exit(verifyJournal(repository));
      return;
    }
    if (options.command() == StackOptions.Command.BACKUPS) {
      System.out.print(new LocalBackups(options.databases().backupDir()).list());
      return;
    }
    System.exit(new StackRunner(repository, options).run());
  }

  /** Starts nothing: the ledger's offline verifier against the stack already running. */
  private static int verifyJournal(RepositoryLayout repository) {
    ServiceSpec ledger =
        ServiceCatalog.services(Endpoints.DEFAULTS, DatabaseLogins.generate(), name -> List.of())
            .stream()
            .filter(spec -> spec.name().equals("ledger"))
            .findFirst()
            .orElseThrow();
    return new JournalVerification(repository, Endpoints.DEFAULTS, ledger).run(System.out);
  }
}
