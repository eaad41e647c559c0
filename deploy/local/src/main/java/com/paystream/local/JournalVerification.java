package com.paystream.local;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.testkit.postgres.Postgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * {@code run.sh --verify-journal}: the ledger's offline journal verifier against the database of a
 * local stack that is already running, with the stack's demo seal public key. It starts and stops
 * nothing: it runs {@code VerifyJournal} from the built ledger jar (the jar's own class path, by
 * Spring Boot's PropertiesLauncher; the launcher never loads the services' code), prints its JSON
 * and a one-line verdict, and exits with its status (0 valid, 1 broken, 2 could not run).
 *
 * <p>It logs in as the stack's PostgreSQL superuser, which the stack trusts on the loopback
 * interface, because the runtime roles' passwords are new on every run of the stack and kept by
 * nobody; the verifier reads in a read-only transaction, so the superuser writes nothing through
 * it.
 */
final class JournalVerification {

  static final String MAIN_CLASS = "com.paystream.ledger.sealing.cli.VerifyJournal";
  static final String PROPERTIES_LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  /**
   * The verifier's own variables: a shell that holds them for another ledger must not send them (a
   * password, above all) to the local stack's database; the arguments name everything needed.
   */
  static final List<String> CLEARED_ENVIRONMENT =
      List.of(
          "LEDGER_DB_URL",
          "LEDGER_DB_USER",
          "LEDGER_DB_PASSWORD",
          "PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS");

  private static final int CANNOT_RUN = 2;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RepositoryLayout repository;
  private final Endpoints endpoints;
  private final ServiceSpec ledger;

  /**
   * @param ledger the ledger as the stack runs it (its exec jar holds the verifier)
   */
  JournalVerification(RepositoryLayout repository, Endpoints endpoints, ServiceSpec ledger) {
    this.repository = repository;
    this.endpoints = endpoints;
    this.ledger = ledger;
  }

  Path ledgerJar() {
    return ledger.execJar(repository.root(), repository.version());
  }

  /** The verifier's command line: no password (the superuser is trusted on loopback). */
  List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-Dloader.main=" + MAIN_CLASS,
        "-cp",
        ledgerJar().toString(),
        PROPERTIES_LAUNCHER,
        "--db-url=" + endpoints.jdbcUrl(ServiceCatalog.LEDGER_DATABASE),
        "--db-user=" + Postgres.USERNAME,
        "--public-key=" + DemoProvider.SEAL_PUBLIC_KEY);
  }

  /** Runs the verifier, its errors straight to {@code System.err}; returns its exit status. */
  int run(PrintStream out) {
    if (!Files.isRegularFile(ledgerJar())) {
      out.println(
          "The ledger jar is missing: "
              + ledgerJar()
              + " (build it with ./mvnw -DskipTests install).");
      return CANNOT_RUN;
    }
    ProcessBuilder builder =
        new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.INHERIT);
    CLEARED_ENVIRONMENT.forEach(builder.environment()::remove);
    int status;
    String json;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      json = readAll(process.getInputStream());
      status = process.waitFor();
    } catch (IOException e) {
      out.println("Cannot start the journal verifier: " + e.getMessage());
      return CANNOT_RUN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CANNOT_RUN;
    }
    if (!json.isBlank()) {
      out.println(json.strip());
    }
    out.println(verdict(status, json, endpoints));
    out.flush();
    return status;
  }

  /** One line saying what the verifier's status and JSON mean. */
  static String verdict(int status, String json, Endpoints endpoints) {
    JsonNode result = parse(json);
    return switch (status) {
      case 0 ->
          "Journal VALID: "
              + result.path("entriesChecked").asLong()
              + " entries in "
              + result.path("chains").asInt()
              + " chains and "
              + result.path("sealsChecked").asInt()
              + " day seals recomputed and matched ("
              + result.path("unsealedDays").asLong()
              + " closed days unsealed, "
              + result.path("unchainedEntries").asLong()
              + " entries from before the chains).";
      case 1 ->
          "Journal BROKEN: "
              + (result.hasNonNull("firstBrokenEntryId")
                  ? "entry " + result.path("firstBrokenEntryId").asString()
                  : "the seal of " + result.path("brokenSealDate").asString("?"))
              + " - "
              + result.path("reason").asString("no reason given")
              + ".";
      default ->
          "The journal could not be verified (exit status "
              + status
              + "). Is the local stack running? Its PostgreSQL must listen on "
              + endpoints.host()
              + ":"
              + endpoints.postgresPort()
              + ": start it in another terminal with ./deploy/local/run.sh --no-scenario, or"
              + " keep a day's stack up.";
    };
  }

  private static JsonNode parse(String json) {
    try {
      return json.isBlank() ? MissingNode.getInstance() : JSON.readTree(json.strip());
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
