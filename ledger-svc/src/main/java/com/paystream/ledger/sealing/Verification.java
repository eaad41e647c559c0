package com.paystream.ledger.sealing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a verification found. Valid: every chained entry's hash and link and every seal in range
 * recomputed and matched. Otherwise {@code firstBrokenEntryId} names the first entry (in commit
 * order) whose stored hash or link does not match, or, when every entry matched, {@code
 * brokenSealDate} the first closed date whose seal does not; {@code reason} says what differed.
 */
public record Verification(
    boolean valid,
    int chains,
    long entriesChecked,
    int sealsChecked,
    long unsealedDays,
    long unchainedEntries,
    UUID firstBrokenEntryId,
    String brokenChainId,
    Long brokenChainSequence,
    LocalDate brokenSealDate,
    String reason) {}
