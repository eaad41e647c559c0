-- A sealed, hash-chained journal (ledger-svc README, "Sealed journal").
--
-- 1. Every journal entry written from now on is a link of a hash chain: it names its chain, its
--    sequence in that chain (from 1, gap-free, in commit order), the hash of the chain's previous
--    entry (32 zero bytes for the first) and its own hash, computed by the service over the
--    entry's canonical encoding (version 1, postings included) and the previous hash. The columns
--    are written at INSERT like every other column: journal_entry stays append-only (LD001).
--    One chain per consumed topic partition ('<topic>/<partition>') and one for entries booked
--    over HTTP ('http'), so ledger instances that own different partitions never wait for each
--    other on a chain.
-- 2. Entries written before this migration carry no chain (all four columns null) and are not
--    covered by the verification; chains start at the first entry written after it. The CHECK is
--    NOT VALID for exactly that reason: PostgreSQL checks it for every new row, not for the old
--    ones.
-- 3. journal_chain is an operational cache of each chain's head (last sequence and hash), locked
--    FOR UPDATE by the writer of a chain and updated by it: the one table of this migration that
--    takes UPDATE. Verification never reads it; a head row that goes missing is rebuilt from the
--    journal by the next writer of the chain.
-- 4. day_close gets the date's seal: SHA-256 over every chain's head as of the date's last entry,
--    signed with Ed25519 by a key the database never holds (only the key id is stored here).
--    Required for every close from now on; dates closed before carry none.

-- 1, 2 --------------------------------------------------------------------------------------------
alter table journal_entry
    add column chain_id   text,
    add column chain_seq  bigint,
    add column prev_hash  bytea,
    add column entry_hash bytea;

alter table journal_entry add constraint journal_entry_chained check (
    chain_id is not null and chain_seq >= 1
    and octet_length(prev_hash) = 32 and octet_length(entry_hash) = 32) not valid;

-- No fork: one entry per position of a chain. Also the verification's reading order.
create unique index journal_entry_chain_position on journal_entry (chain_id, chain_seq)
    where chain_id is not null;

-- 3 -----------------------------------------------------------------------------------------------
create table journal_chain (
    chain_id      text        primary key,
    last_seq      bigint      not null default 0 check (last_seq >= 0),
    head_hash     bytea       not null default '\x0000000000000000000000000000000000000000000000000000000000000000'
                              check (octet_length(head_hash) = 32),
    head_entry_id uuid,
    updated_at    timestamptz not null default now()
);

create trigger journal_chain_no_delete before delete or truncate on journal_chain
    for each statement execute function ledger_refuse_rewrite();

-- 4 -----------------------------------------------------------------------------------------------
alter table day_close
    add column seal_version   smallint,
    add column seal_hash      bytea,
    add column seal_signature bytea,
    add column seal_key_id    text,
    add column seal_chains    integer;

alter table day_close add constraint day_close_sealed check (
    seal_version >= 1 and octet_length(seal_hash) = 32 and seal_signature is not null
    and seal_key_id is not null and seal_chains >= 0) not valid;
