package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerificationTest {

  @TempDir Path dir;

  private final ServiceSpec ledger =
      ServiceCatalog.services(Endpoints.DEFAULTS, DatabaseLogins.generate(), name -> List.of())
          .stream()
          .filter(spec -> spec.name().equals("ledger"))
          .findFirst()
          .orElseThrow();

  private JournalVerification in(Path root) {
    return new JournalVerification(
        new RepositoryLayout(root, "0.1.0-SNAPSHOT"), Endpoints.DEFAULTS, ledger);
  }

  @Test
  void runsTheLedgersVerifierFromItsJarAgainstTheStacksDatabaseAsTheTrustedSuperuser() {
    List<String> command = in(Path.of("/repo")).command();

    assertThat(command.get(0)).endsWith("/bin/java");
    assertThat(command)
        .containsSubsequence(
            "-Dloader.main=com.paystream.ledger.sealing.cli.VerifyJournal",
            "-cp",
            "/repo/ledger-svc/target/ledger-svc-0.1.0-SNAPSHOT-exec.jar",
            "org.springframework.boot.loader.launch.PropertiesLauncher")
        .endsWith(
            "--db-url=jdbc:postgresql://127.0.0.1:15432/ledger",
            "--db-user=postgres",
            "--public-key=" + DemoProvider.SEAL_PUBLIC_KEY);
    // The ledger jar is the one the stack runs; no password travels, none is needed.
    assertThat(in(Path.of("/repo")).ledgerJar())
        .isEqualTo(ledger.execJar(Path.of("/repo"), "0.1.0-SNAPSHOT"));
    assertThat(command).noneMatch(arg -> arg.contains("password"));
  }

  @Test
  void clearsTheVerifiersVariablesSoThatNoOtherLedgersPasswordReachesTheStack() {
    assertThat(JournalVerification.CLEARED_ENVIRONMENT)
        .contains("LEDGER_DB_PASSWORD", "LEDGER_DB_URL", "LEDGER_DB_USER");
  }

  @Test
  void aMissingLedgerJarStartsNothingAndExitsTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = in(dir).run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("The ledger jar is missing", "ledger-svc-0.1.0-SNAPSHOT-exec.jar");
  }

  @Test
  void theVerdictOfAValidJournalCountsWhatWasChecked() {
    String json =
        "{\"valid\":true,\"chains\":9,\"entriesChecked\":412,\"sealsChecked\":1,"
            + "\"unsealedDays\":0,\"unchainedEntries\":0}\n";

    assertThat(JournalVerification.verdict(0, json, Endpoints.DEFAULTS))
        .startsWith("Journal VALID: 412 entries in 9 chains and 1 day seals");
  }

  @Test
  void theVerdictOfABrokenJournalNamesTheEntryOrTheSeal() {
    String entry =
        "{\"valid\":false,\"firstBrokenEntryId\":\"0d1f\",\"chainId\":\"http\","
            + "\"chainSequence\":3,\"reason\":\"the entry's content does not match\"}";
    String seal =
        "{\"valid\":false,\"brokenSealDate\":\"2026-03-01\",\"reason\":\"bad signature\"}";

    assertThat(JournalVerification.verdict(1, entry, Endpoints.DEFAULTS))
        .isEqualTo("Journal BROKEN: entry 0d1f - the entry's content does not match.");
    assertThat(JournalVerification.verdict(1, seal, Endpoints.DEFAULTS))
        .isEqualTo("Journal BROKEN: the seal of 2026-03-01 - bad signature.");
  }

  @Test
  void aVerifierThatCouldNotRunPointsAtTheStack() {
    assertThat(JournalVerification.verdict(2, "", Endpoints.DEFAULTS))
        .contains("could not be verified (exit status 2)", "127.0.0.1:15432", "--no-scenario");
  }
}
