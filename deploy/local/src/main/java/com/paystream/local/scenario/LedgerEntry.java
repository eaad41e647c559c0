package com.paystream.local.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One journal entry as the ledger's API shows it, as far as the scenario cares. */
record LedgerEntry(String entryId, String type, Instant bookedAt, LocalDate effectiveDate) {

  static List<LedgerEntry> listOf(JsonNode array) {
    List<LedgerEntry> entries = new ArrayList<>();
    for (JsonNode entry : array) {
      entries.add(
          new LedgerEntry(
              entry.path("entryId").asString(),
              entry.path("entryType").asString(),
              Instant.parse(entry.path("bookedAt").asString()),
              LocalDate.parse(entry.path("effectiveDate").asString())));
    }
    return entries;
  }

  static long count(List<LedgerEntry> entries, String type) {
    return entries.stream().filter(entry -> entry.type().equals(type)).count();
  }
}
