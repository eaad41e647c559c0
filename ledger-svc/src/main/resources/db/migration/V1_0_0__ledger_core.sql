-- The ledger's books. The database itself refuses to lie: history is append-only, every entry
-- balances per currency at commit, a posting's currency is its account's, balances carried on
-- postings chain exactly, and an account without overdraft never goes below zero. The service
-- checks all of this in code first; these are the last line of defence against a bug or a
-- hand-written statement.
--
-- Custom SQLSTATEs (class LD, "ledger"), so that callers can tell a refused write from an outage:
--   LD001  append-only history: UPDATE / DELETE / TRUNCATE refused
--   LD002  unbalanced entry (debits <> credits in a currency)
--   LD003  entry with fewer than two postings
--   LD004  posting does not belong to an entry of the same transaction, or disagrees with it
--   LD005  balance chain broken (balance_after / account sequence do not follow the account)
--   LD006  calendar moved other than one day forward
--   LD007  account identity (code, type, currency) changed, or sequence moved backwards
--   LD008  posting on a business date that is already closed

create function ledger_refuse_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'LD001';
end $$;

-- Accounts ------------------------------------------------------------------------------------
-- Balances are in the account type's normal-balance sign (debit-normal: ASSET, EXPENSE;
-- credit-normal: LIABILITY, EQUITY, REVENUE), so "negative" always means "against its nature".
-- available + frozen is the booked balance, which is what postings carry as balance_after.
create table account (
    id                uuid        primary key,
    code              text        not null unique check (length(code) between 1 and 200),
    name              text        not null,
    type              text        not null
                      check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    available_minor   bigint      not null default 0,
    frozen_minor      bigint      not null default 0,
    overdraft_allowed boolean     not null,
    status            text        not null default 'OPEN' check (status in ('OPEN', 'BLOCKED')),
    last_sequence     bigint      not null default 0 check (last_sequence >= 0),
    last_posted_at    timestamptz,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    constraint account_no_overdraft check (overdraft_allowed or available_minor >= 0),
    constraint account_frozen_not_negative check (frozen_minor >= 0),
    -- Target of the posting's (account_id, currency) foreign key: a posting in another currency
    -- than its account cannot exist.
    constraint account_id_currency unique (id, currency)
);

create function account_guard() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.code <> old.code or new.type <> old.type
       or new.currency <> old.currency or new.overdraft_allowed <> old.overdraft_allowed
       or new.created_at <> old.created_at then
        raise exception 'account % keeps its identity (code, type, currency, overdraft)', old.code
            using errcode = 'LD007';
    end if;
    if new.last_sequence < old.last_sequence then
        raise exception 'account % sequence cannot move back from % to %',
            old.code, old.last_sequence, new.last_sequence using errcode = 'LD007';
    end if;
    return new;
end $$;

create trigger account_guard before update on account
    for each row execute function account_guard();
create trigger account_no_delete before delete or truncate on account
    for each statement execute function ledger_refuse_rewrite();

-- Journal -------------------------------------------------------------------------------------
create table journal_entry (
    id              uuid        primary key,
    -- Booking order across the whole journal (entries of one batch share booked_at).
    seq             bigint      generated always as identity unique,
    source_event_id uuid        not null unique,
    source_type     text        not null
                    check (source_type in ('CALLBACK', 'COMMAND', 'STATEMENT', 'OPERATOR')),
    entry_type      text        not null
                    check (entry_type in ('PAYMENT', 'REFUND', 'REVERSAL', 'AMENDMENT',
                                          'SUPPLEMENT', 'SETTLEMENT', 'HOLD', 'RELEASE')),
    payment_id      text,
    effective_date  date        not null,
    booked_at       timestamptz not null,
    description     text        not null,
    reverses_id     uuid        references journal_entry (id),
    requested_by    text,
    reason          text,
    -- Set by trigger to the inserting transaction, so postings can only join an entry that is
    -- still being written (an entry committed once is complete forever).
    created_txid    bigint      not null
);

-- A payment is booked once: a second success for it can never post again.
create unique index journal_entry_one_booking_per_payment on journal_entry (payment_id)
    where entry_type in ('PAYMENT', 'SUPPLEMENT');
create index journal_entry_by_payment on journal_entry (payment_id, seq);

create function journal_entry_stamp_txid() returns trigger language plpgsql as $$
begin
    new.created_txid := txid_current();
    return new;
end $$;

create trigger journal_entry_stamp_txid before insert on journal_entry
    for each row execute function journal_entry_stamp_txid();
create trigger journal_entry_append_only before update or delete or truncate on journal_entry
    for each statement execute function ledger_refuse_rewrite();

create table posting (
    -- The entry and the account (with its currency) are checked per statement by
    -- posting_check_chain, set-based, instead of two foreign-key lookups per row.
    entry_id            uuid        not null,
    line_no             smallint    not null check (line_no >= 1),
    account_id          uuid        not null,
    side                text        not null check (side in ('DEBIT', 'CREDIT')),
    amount_minor        bigint      not null check (amount_minor > 0),
    currency            text        not null,
    balance_after_minor bigint      not null,
    account_seq         bigint      not null check (account_seq >= 1),
    -- Copies of the entry's, checked by trigger: statements and the day close read postings alone.
    effective_date      date        not null,
    booked_at           timestamptz not null,
    primary key (entry_id, line_no),
    -- The account's cashflow: one posting per sequence number (gaps are refused by trigger).
    constraint posting_account_seq unique (account_id, account_seq)
);

create index posting_account_booked_at on posting (account_id, booked_at);
create index posting_effective_date on posting using brin (effective_date);

create trigger posting_append_only before update or delete or truncate on posting
    for each statement execute function ledger_refuse_rewrite();

-- One set-based check per inserting statement (not per row): postings join an entry of this
-- transaction and carry its dates; per account, the new postings continue the sequence without a
-- gap and each balance_after is the previous one plus the signed amount, ending at the account's
-- booked balance. The writer therefore updates accounts before it inserts their postings.
-- enable_seqscan off: every lookup here is a handful of rows by key, and PL/pgSQL keeps the plan
-- it made for the session; planned while a table was small, it would scan the whole table on
-- every call as the table grows.
create function posting_check_chain() returns trigger language plpgsql
    set enable_seqscan = off as $$
declare
    bad record;
begin
    select n.entry_id, n.line_no, n.currency, a.currency as account_currency into bad
      from new_postings n left join account a on a.id = n.account_id
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
      from new_postings n, ledger_calendar c
     where n.effective_date <= c.last_closed_date
     limit 1;
    if found then
        raise exception 'posting %/% is dated %, a business date that is already closed',
            bad.entry_id, bad.line_no, bad.effective_date using errcode = 'LD008';
    end if;

    with ordered as (
        select n.account_id, n.account_seq, n.balance_after_minor, a.last_sequence,
               a.available_minor + a.frozen_minor as booked_minor,
               case when (n.side = 'DEBIT') = (a.type in ('ASSET', 'EXPENSE'))
                    then n.amount_minor else -n.amount_minor end as delta,
               lag(n.balance_after_minor) over w as prev_balance,
               lag(n.account_seq) over w as prev_seq,
               row_number() over (partition by n.account_id order by n.account_seq desc) as from_end
          from new_postings n join account a on a.id = n.account_id
        window w as (partition by n.account_id order by n.account_seq)
    ), checked as (
        select o.*,
               coalesce(o.prev_balance,
                        (select p.balance_after_minor from posting p
                          where p.account_id = o.account_id and p.account_seq = o.account_seq - 1),
                        case when o.account_seq = 1 then 0 end) as before_minor
          from ordered o
    )
    select account_id, account_seq into bad from checked
     where before_minor is null
        or balance_after_minor <> before_minor + delta
        or (prev_seq is not null and account_seq <> prev_seq + 1)
        or (from_end = 1 and (account_seq <> last_sequence or balance_after_minor <> booked_minor))
     limit 1;
    if found then
        raise exception 'posting chain of account % broken at sequence %', bad.account_id, bad.account_seq
            using errcode = 'LD005';
    end if;
    return null;
end $$;

create trigger posting_check_chain after insert on posting
    referencing new table as new_postings
    for each statement execute function posting_check_chain();

-- Checked once per entry at COMMIT, when all its postings are in.
create function journal_entry_check_balanced() returns trigger language plpgsql
    set enable_seqscan = off as $$
declare
    postings integer;
    unbalanced record;
begin
    -- One index scan of the entry's postings answers both questions.
    select coalesce(sum(n), 0)::integer as total,
           min(currency) filter (where debits <> credits) as currency,
           min(debits) filter (where debits <> credits) as debits,
           min(credits) filter (where debits <> credits) as credits
      into unbalanced
      from (select currency, count(*) as n,
                   coalesce(sum(amount_minor) filter (where side = 'DEBIT'), 0) as debits,
                   coalesce(sum(amount_minor) filter (where side = 'CREDIT'), 0) as credits
              from posting where entry_id = new.id group by currency) per_currency;
    postings := unbalanced.total;
    if postings < 2 then
        raise exception 'journal entry % has % posting(s); at least two are required', new.id, postings
            using errcode = 'LD003';
    end if;
    if unbalanced.currency is not null then
        raise exception 'journal entry % is unbalanced in %: debits % <> credits %',
            new.id, unbalanced.currency, unbalanced.debits, unbalanced.credits
            using errcode = 'LD002';
    end if;
    return null;
end $$;

create constraint trigger journal_entry_balanced after insert on journal_entry
    deferrable initially deferred
    for each row execute function journal_entry_check_balanced();

-- Exactly once ----------------------------------------------------------------------------------
-- One row per consumed message, written in the same transaction as its effect. Undecodable
-- records have no id of their own; they get a name-based UUID of topic/partition/offset.
create table processed_event (
    source_event_id  uuid        primary key,
    source_type      text        not null
                     check (source_type in ('CALLBACK', 'COMMAND', 'STATEMENT', 'OPERATOR', 'UNREADABLE')),
    outcome          text        not null
                     check (outcome in ('POSTED', 'NO_FINANCIAL_EFFECT', 'DEAD_LETTERED')),
    entry_id         uuid        references journal_entry (id),
    payment_id       text,
    reason_code      text,
    source_topic     text        not null,
    source_partition integer     not null,
    source_offset    bigint      not null,
    processed_at     timestamptz not null,
    constraint processed_event_entry_iff_posted check ((outcome = 'POSTED') = (entry_id is not null)),
    constraint processed_event_reason_iff_dead check ((outcome = 'DEAD_LETTERED') = (reason_code is not null))
);

create trigger processed_event_append_only before update or delete or truncate on processed_event
    for each statement execute function ledger_refuse_rewrite();

-- The ledger's view of each booked payment, needed by refunds, cancellations and amendments.
-- Derived state (the journal is the truth), updated in the same transaction as the entries.
create table payment_position (
    payment_id       text        primary key,
    merchant_id      text        not null,
    provider         text        not null,
    currency         text        not null,
    gross_minor      bigint      not null check (gross_minor > 0),
    fee_minor        bigint      not null check (fee_minor >= 0 and fee_minor <= gross_minor),
    refunded_minor   bigint      not null default 0
                     check (refunded_minor >= 0 and refunded_minor <= gross_minor),
    booking_entry_id uuid        not null references journal_entry (id),
    state            text        not null check (state in ('BOOKED', 'REVERSED')),
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

-- Business calendar --------------------------------------------------------------------------
-- One row. Posting transactions read it FOR SHARE; closing a date updates it, which waits for the
-- postings in flight, so no entry can land in a date after its close began.
create table ledger_calendar (
    singleton        boolean     primary key default true check (singleton),
    last_closed_date date,
    updated_at       timestamptz not null default now()
);

insert into ledger_calendar (singleton) values (true);

create function ledger_calendar_guard() returns trigger language plpgsql as $$
begin
    if old.last_closed_date is not null
       and new.last_closed_date is distinct from old.last_closed_date + 1 then
        raise exception 'business dates close one at a time: % cannot follow %',
            new.last_closed_date, old.last_closed_date using errcode = 'LD006';
    end if;
    return new;
end $$;

create trigger ledger_calendar_guard before update on ledger_calendar
    for each row execute function ledger_calendar_guard();
create trigger ledger_calendar_no_delete before delete or truncate on ledger_calendar
    for each statement execute function ledger_refuse_rewrite();
