package com.paystream.ledger.sealing;

import com.paystream.ledger.journal.ChainLink;
import com.paystream.ledger.journal.EntryContent;
import com.paystream.ledger.sealing.persistence.SealStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recomputes the journal's chains and the closed days' seals from the stored rows, trusting nothing
 * derived: per chain, page by page in sequence order, each entry's content hash (from its row and
 * its postings), its link to the previous entry and its own hash; then per sealed date the seal
 * over the chains' heads as of that date, and its Ed25519 signature with the configured public key.
 * The chain head cache (journal_chain) is never read.
 *
 * <p>With {@code from}/{@code to}, only the entries effective in that range (per chain, from its
 * first to its last such entry) and the seals of those dates are checked; the first entry checked
 * is linked to its stored predecessor.
 */
public final class JournalVerifier {

  static final int PAGE = 500;

  private final SealStore store;
  private final SealKeys keys;

  public JournalVerifier(SealStore store, SealKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  public Verification verify(LocalDate from, LocalDate to) {
    LocalDate low = from == null ? LocalDate.of(1, 1, 1) : from;
    LocalDate high = to == null ? LocalDate.of(9999, 12, 31) : to;
    List<StoredSeal> seals = store.seals(low, high);
    List<LocalDate> sealDates = seals.stream().map(StoredSeal::businessDate).toList();
    List<String> chains = store.chainIds();
    Map<LocalDate, List<ChainHead>> heads = new HashMap<>();
    sealDates.forEach(d -> heads.put(d, new ArrayList<>()));
    Broken first = null;
    long checked = 0;
    for (String chain : chains) {
      ChainWalk walk = walk(chain, from == null && to == null ? null : low, high);
      checked += walk.checked;
      if (walk.broken != null && (first == null || walk.broken.journalSeq() < first.journalSeq())) {
        first = walk.broken;
      }
      for (LocalDate date : sealDates) {
        Optional<ChainHead> head = walk.headAsOf(date);
        if (head.isEmpty() && !walk.fromStart) {
          head = store.headAsOf(chain, date);
        }
        head.ifPresent(heads.get(date)::add);
      }
    }
    long unsealed = store.unsealedDays(low, high);
    long unchained = store.unchainedEntries();
    if (first != null) {
      return new Verification(
          false,
          chains.size(),
          checked,
          0,
          unsealed,
          unchained,
          first.entry().content().id(),
          first.entry().chainId(),
          first.entry().chainSeq(),
          null,
          first.reason());
    }
    int sealsChecked = 0;
    for (StoredSeal seal : seals) {
      sealsChecked++;
      Optional<String> problem = check(seal, heads.get(seal.businessDate()));
      if (problem.isPresent()) {
        return new Verification(
            false,
            chains.size(),
            checked,
            sealsChecked,
            unsealed,
            unchained,
            null,
            null,
            null,
            seal.businessDate(),
            problem.get());
      }
    }
    return new Verification(
        true,
        chains.size(),
        checked,
        sealsChecked,
        unsealed,
        unchained,
        null,
        null,
        null,
        null,
        null);
  }

  private Optional<String> check(StoredSeal seal, List<ChainHead> heads) {
    if (seal.version() != DaySeal.VERSION) {
      return Optional.of(
          "seal of " + seal.businessDate() + " has unknown version " + seal.version());
    }
    DaySeal recomputed = DaySeal.of(seal.businessDate(), heads);
    if (!Arrays.equals(recomputed.hash(), seal.hash())) {
      return Optional.of(
          "the seal of "
              + seal.businessDate()
              + " does not match the journal's chain heads as of that date (recomputed "
              + recomputed.hashHex()
              + ")");
    }
    if (!keys.knows(seal.keyId())) {
      return Optional.of(
          "the seal of "
              + seal.businessDate()
              + " names key "
              + seal.keyId()
              + ", which is not among the configured public keys");
    }
    if (!keys.verify(seal.keyId(), seal.hash(), seal.signature())) {
      return Optional.of(
          "the signature of the seal of "
              + seal.businessDate()
              + " does not verify with key "
              + seal.keyId());
    }
    return Optional.empty();
  }

  private record Broken(StoredEntry entry, String reason) {
    long journalSeq() {
      return entry.journalSeq();
    }
  }

  /** One chain walked in sequence order: what was checked, where it broke, heads per date. */
  private final class ChainWalk {
    private final boolean fromStart;
    private long checked;
    private Broken broken;
    // Per effective date, the last (highest sequence) entry of that date walked so far.
    private final TreeMap<LocalDate, ChainHead> lastPerDate = new TreeMap<>();

    private ChainWalk(boolean fromStart) {
      this.fromStart = fromStart;
    }

    /** The walked chain's head as of {@code date}: its highest sequence effective up to then. */
    Optional<ChainHead> headAsOf(LocalDate date) {
      ChainHead best = null;
      for (ChainHead head : lastPerDate.headMap(date, true).values()) {
        if (best == null || head.lastSequence() > best.lastSequence()) {
          best = head;
        }
      }
      return Optional.ofNullable(best);
    }
  }

  private ChainWalk walk(String chain, LocalDate from, LocalDate to) {
    long first;
    long last;
    if (from == null) {
      first = 1;
      last = store.lastSequence(chain);
    } else {
      Optional<long[]> range = store.range(chain, from, to);
      if (range.isEmpty()) {
        return new ChainWalk(false);
      }
      first = range.get()[0];
      last = range.get()[1];
    }
    ChainWalk walk = new ChainWalk(first == 1);
    byte[] previous = first == 1 ? ChainLink.GENESIS : store.hashAt(chain, first - 1).orElse(null);
    long expected = first;
    while (expected <= last && walk.broken == null) {
      List<StoredEntry> page = store.page(chain, expected, last, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEntry entry : page) {
        walk.checked++;
        Optional<String> problem = problem(entry, expected, previous);
        if (problem.isPresent()) {
          walk.broken = new Broken(entry, problem.get());
          break;
        }
        walk.lastPerDate.put(
            entry.content().effectiveDate(),
            new ChainHead(chain, entry.chainSeq(), entry.entryHash()));
        previous = entry.entryHash();
        expected++;
      }
    }
    return walk;
  }

  private static Optional<String> problem(StoredEntry entry, long expected, byte[] previous) {
    if (entry.chainSeq() != expected) {
      return Optional.of(
          "chain "
              + entry.chainId()
              + " skips from sequence "
              + (expected - 1)
              + " to "
              + entry.chainSeq());
    }
    if (entry.previousHash() == null
        || entry.entryHash() == null
        || entry.previousHash().length != ChainLink.HASH_BYTES
        || entry.entryHash().length != ChainLink.HASH_BYTES) {
      return Optional.of("the entry's stored hashes are missing or malformed");
    }
    if (previous == null || !Arrays.equals(previous, entry.previousHash())) {
      return Optional.of(
          "the entry's previous hash is not the hash of entry " + (expected - 1) + " of its chain");
    }
    if (entry.content().postings().isEmpty()) {
      return Optional.of("the entry has no postings");
    }
    byte[] recomputed =
        ChainLink.hash(
            entry.chainId(),
            entry.chainSeq(),
            entry.previousHash(),
            EntryContent.digest(entry.content()));
    if (!Arrays.equals(recomputed, entry.entryHash())) {
      return Optional.of(
          "the entry's content (its row or its postings) does not match its stored hash");
    }
    return Optional.empty();
  }
}
