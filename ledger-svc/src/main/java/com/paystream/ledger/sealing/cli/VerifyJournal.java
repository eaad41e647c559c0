package com.paystream.ledger.sealing.cli;

import com.paystream.ledger.sealing.JournalVerifier;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.sealing.Verification;
import com.paystream.ledger.sealing.VerificationReport;
import com.paystream.ledger.sealing.persistence.SealStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verifies the journal offline, against the ledger's database, without starting the service: prints
 * the verification as one JSON line and exits 0 when valid, 1 when broken, 2 on a usage or
 * connection error.
 *
 * <pre>
 * java -Dloader.main=com.paystream.ledger.sealing.cli.VerifyJournal \
 *   -cp ledger-svc/target/ledger-svc-*.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *   [--from=YYYY-MM-DD] [--to=YYYY-MM-DD]
 * </pre>
 *
 * Connection from {@code LEDGER_DB_URL}, {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD} (the
 * service's own variables); public keys from {@code PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS}
 * (comma-separated, base64 or PEM) and/or {@code --public-key-file=PATH} (repeatable). No private
 * key is needed or read.
 */
public final class VerifyJournal {

  private VerifyJournal() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    LocalDate from = null;
    LocalDate to = null;
    List<String> publicKeys = new ArrayList<>();
    String keys = System.getenv("PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS");
    if (keys != null && !keys.isBlank()) {
      publicKeys.addAll(splitKeys(keys));
    }
    try {
      for (String arg : args) {
        if (arg.startsWith("--from=")) {
          from = LocalDate.parse(arg.substring(7));
        } else if (arg.startsWith("--to=")) {
          to = LocalDate.parse(arg.substring(5));
        } else if (arg.startsWith("--public-key-file=")) {
          publicKeys.add(Files.readString(Path.of(arg.substring(18))));
        } else {
          System.err.println("unknown argument: " + arg);
          return 2;
        }
      }
      String url = env("LEDGER_DB_URL", "jdbc:postgresql://localhost:5432/ledger");
      DriverManagerDataSource db =
          new DriverManagerDataSource(
              url, env("LEDGER_DB_USER", "ledger"), env("LEDGER_DB_PASSWORD", "ledger"));
      Verification result =
          new JournalVerifier(new SealStore(new JdbcTemplate(db)), SealKeys.of(null, publicKeys))
              .verify(from, to);
      System.out.println(VerificationReport.json(result));
      return result.valid() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      System.err.println("journal verification could not run: " + e.getMessage());
      return 2;
    }
  }

  /** Comma-separated keys; PEM keys contain no commas. */
  static List<String> splitKeys(String keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys.split(",")) {
      if (!key.isBlank()) {
        out.add(key.trim());
      }
    }
    return out;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
