package com.paystream.ledger.sealing;

import com.paystream.ledger.journal.EntryContent;

/** A chained journal entry as stored: its content, place in the journal and chain, and hashes. */
public record StoredEntry(
    long journalSeq,
    String chainId,
    long chainSeq,
    byte[] previousHash,
    byte[] entryHash,
    EntryContent.Entry content) {}
