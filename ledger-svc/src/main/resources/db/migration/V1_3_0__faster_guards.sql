-- The same guarantees as V1_0_0, checked with less work per row, so that a batch of a thousand
-- entries is not a thousand PL/pgSQL calls at COMMIT.
--
-- 1. Balanced entries (LD002, LD003). V1_0_0 queued one deferred constraint trigger per inserted
--    entry. Now each statement that inserts entries queues ONE deferred check of the range of
--    journal sequence numbers it wrote (a row in journal_entry_balance_check); at COMMIT that check
--    verifies, set-based, that every entry of the range written by this transaction has at least
--    two postings and balances per currency. Still checked at COMMIT, so a writer may insert an
--    entry's postings over several statements, and an entry with no postings is still refused.
--    The queued event holds the queued row itself (PostgreSQL fetches it by its physical position
--    with SnapshotAny), so deleting or updating the row before COMMIT does not skip the check, and
--    TRUNCATE is refused while an event is pending. The check deletes its row when it passed, so
--    the table is empty at rest.
-- 2. Posting chain (posting_check_chain): the same four checks, with one sort instead of two, the
--    previous balance looked up once per account instead of twice, and accounts probed once per
--    distinct account and currency instead of once per posting.
-- 3. Account identity (account_guard): the trigger's WHEN clause is the guard's own condition, so
--    an ordinary balance update no longer calls PL/pgSQL at all. Every batch updates each account
--    it touches once; fillfactor 50 leaves room on the page for that new row version, so the
--    update is HOT (no new entries in the account's three unique indexes). It applies to pages
--    written from now on; existing pages get it when the table is next rewritten.

-- 1 ---------------------------------------------------------------------------------------------
drop trigger journal_entry_balanced on journal_entry;
drop function journal_entry_check_balanced();

create table journal_entry_balance_check (
    txid      bigint not null,
    first_seq bigint not null,
    last_seq  bigint not null,
    constraint journal_entry_balance_check_range check (first_seq <= last_seq)
);

create function journal_entry_queue_balance_check() returns trigger language plpgsql as $$
begin
    insert into journal_entry_balance_check (txid, first_seq, last_seq)
    select txid_current(), min(seq), max(seq) from new_entries having count(*) > 0;
    return null;
end $$;

create trigger journal_entry_queue_balance_check after insert on journal_entry
    referencing new table as new_entries
    for each statement execute function journal_entry_queue_balance_check();

-- enable_seqscan off for the reason given at posting_check_chain in V1_0_0; bitmap scans off
-- because each entry's postings are a few rows of one index range.
create function journal_entry_check_balanced() returns trigger language plpgsql
    set enable_seqscan = off set enable_bitmapscan = off as $$
declare
    bad record;
begin
    -- One index scan of each entry's postings answers both questions, for the whole range.
    with per_currency as (
        select e.id, p.currency, count(p.entry_id) as n,
               coalesce(sum(p.amount_minor) filter (where p.side = 'DEBIT'), 0) as debits,
               coalesce(sum(p.amount_minor) filter (where p.side = 'CREDIT'), 0) as credits
          from journal_entry e left join posting p on p.entry_id = e.id
         where e.seq between new.first_seq and new.last_seq and e.created_txid = new.txid
         group by e.id, p.currency
    ), per_entry as (
        select id, sum(n)::integer as postings,
               min(currency) filter (where debits <> credits) as currency,
               min(debits) filter (where debits <> credits) as debits,
               min(credits) filter (where debits <> credits) as credits
          from per_currency group by id
    )
    select * into bad from per_entry
     where postings < 2 or currency is not null
     order by postings < 2 desc
     limit 1;
    if found and bad.postings < 2 then
        raise exception 'journal entry % has % posting(s); at least two are required', bad.id, bad.postings
            using errcode = 'LD003';
    end if;
    if found then
        raise exception 'journal entry % is unbalanced in %: debits % <> credits %',
            bad.id, bad.currency, bad.debits, bad.credits
            using errcode = 'LD002';
    end if;
    delete from journal_entry_balance_check
     where txid = new.txid and first_seq = new.first_seq and last_seq = new.last_seq;
    return null;
end $$;

-- Same name as the trigger it replaces, so SET CONSTRAINTS journal_entry_balanced still works.
create constraint trigger journal_entry_balanced after insert on journal_entry_balance_check
    deferrable initially deferred
    for each row execute function journal_entry_check_balanced();

create trigger journal_entry_balance_check_no_rewrite before update or truncate
    on journal_entry_balance_check
    for each statement execute function ledger_refuse_rewrite();

-- 2 ---------------------------------------------------------------------------------------------
create or replace function posting_check_chain() returns trigger language plpgsql
    set enable_seqscan = off as $$
declare
    bad record;
begin
    select n.entry_id, n.line_no, n.currency, a.currency as account_currency into bad
      from (select distinct on (account_id, currency) entry_id, line_no, account_id, currency
              from new_postings) n
      left join account a on a.id = n.account_id
     where a.id is null or a.currency <> n.currency
     limit 1;
    if found then
        raise exception 'posting %/% in % does not match its account''s currency % (posting_account_currency)',
            bad.entry_id, bad.line_no, bad.currency, coalesce(bad.account_currency, '(no account)')
            using errcode = '23503';
    end if;

    select n.entry_id, n.line_no into bad
      from new_postings n left join journal_entry e on e.id = n.entry_id
     where e.id is null or e.created_txid <> txid_current()
        or n.effective_date <> e.effective_date or n.booked_at <> e.booked_at
     limit 1;
    if found then
        raise exception 'posting %/% does not belong to an entry written in this transaction, or disagrees with its dates',
            bad.entry_id, bad.line_no using errcode = 'LD004';
    end if;

    select n.entry_id, n.line_no, n.effective_date into bad
      from new_postings n
     where n.effective_date <= (select c.last_closed_date from ledger_calendar c)
     limit 1;
    if found then
        raise exception 'posting %/% is dated %, a business date that is already closed',
            bad.entry_id, bad.line_no, bad.effective_date using errcode = 'LD008';
    end if;

    -- One window (one sort) over the new postings alone, then one ordered pass over their
    -- accounts. The subquery is not flattened (it has window functions), so the previous balance
    -- is looked up once per account, for its first posting of the statement only.
    select o.account_id, o.account_seq into bad
      from (select n.account_id, n.account_seq, n.balance_after_minor, n.side, n.amount_minor,
                   lag(n.account_seq) over w as prev_seq,
                   lead(n.account_seq) over w is null as last_of_account,
                   coalesce(lag(n.balance_after_minor) over w,
                            (select p.balance_after_minor from posting p
                              where p.account_id = n.account_id
                                and p.account_seq = n.account_seq - 1),
                            case when n.account_seq = 1 then 0 end) as before_minor
              from new_postings n
            window w as (partition by n.account_id order by n.account_seq)) o
      join account a on a.id = o.account_id
     where o.before_minor is null
        or o.balance_after_minor <> o.before_minor
             + case when (o.side = 'DEBIT') = (a.type in ('ASSET', 'EXPENSE'))
                    then o.amount_minor else -o.amount_minor end
        or (o.prev_seq is not null and o.account_seq <> o.prev_seq + 1)
        or (o.last_of_account and (o.account_seq <> a.last_sequence
                                   or o.balance_after_minor <> a.available_minor + a.frozen_minor))
     limit 1;
    if found then
        raise exception 'posting chain of account % broken at sequence %', bad.account_id, bad.account_seq
            using errcode = 'LD005';
    end if;
    return null;
end $$;

-- 3 ---------------------------------------------------------------------------------------------
drop trigger account_guard on account;
create trigger account_guard before update on account
    for each row
    when (new.id <> old.id or new.code <> old.code or new.type <> old.type
          or new.currency <> old.currency or new.overdraft_allowed <> old.overdraft_allowed
          or new.created_at <> old.created_at or new.last_sequence < old.last_sequence)
    execute function account_guard();

alter table account set (fillfactor = 50);
