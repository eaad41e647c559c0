package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The journal after the day: the ledger recomputes every chain and every seal ({@code GET
 * /v1/journal/verification}, as the auditor), and each closed date shows its signed seal.
 *
 * @param valid whether every chained entry and every seal matched
 * @param entries chained entries checked
 * @param chains journal chains
 * @param broken what did not match (the first broken entry or seal, and why); empty when valid
 * @param seals the seal of each closed date
 */
public record JournalCheck(
    boolean valid, long entries, int chains, String broken, List<Seal> seals) {

  /** A closed date's seal: its hash (hex, shortened for the summary) and the signing key. */
  public record Seal(LocalDate date, String hash, String keyId) {}

  public JournalCheck {
    seals = List.copyOf(seals);
  }

  /** Valid, and every closed date sealed. */
  public boolean sealed(List<LocalDate> closedDates) {
    return valid
        && seals.stream().map(Seal::date).toList().containsAll(closedDates)
        && seals.stream().allMatch(seal -> !seal.hash().isEmpty());
  }

  /** Verifies the journal and reads the seal of every closed date. */
  static JournalCheck of(ScenarioRun run, List<LocalDate> closedDates) {
    run.progress().phase("journal", () -> "the ledger verifies its chains and seals");
    JsonNode verification =
        run.api()
            .get(run.services().ledger() + "/v1/journal/verification")
            .expect("verifying the journal", 200)
            .json();
    List<Seal> seals = new ArrayList<>();
    for (LocalDate date : closedDates) {
      JsonNode seal =
          run.api()
              .get(run.services().ledger() + "/v1/days/" + date)
              .expect("reading the closed day " + date, 200)
              .json()
              .path("seal");
      seals.add(new Seal(date, seal.path("hash").asString(""), seal.path("keyId").asString("")));
    }
    boolean valid = verification.path("valid").asBoolean(false);
    String broken =
        valid
            ? ""
            : "first broken entry "
                + verification.path("firstBrokenEntryId").asString("-")
                + ", seal date "
                + verification.path("brokenSealDate").asString("-")
                + ": "
                + verification.path("reason").asString("");
    JournalCheck check =
        new JournalCheck(
            valid,
            verification.path("entriesChecked").asLong(),
            verification.path("chains").asInt(),
            broken,
            seals);
    run.progress().done(valid ? "journal verified" : "journal BROKEN: " + broken);
    return check;
  }
}
