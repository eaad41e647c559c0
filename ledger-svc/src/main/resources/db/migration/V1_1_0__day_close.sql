-- End-of-day close: per business date, every account's balance and the trial balance, in tables
-- of their own so that reading or writing them never touches the live books. A closed date never
-- changes: these tables are append-only like the journal.

create table day_close (
    business_date  date        primary key,
    closed_at      timestamptz not null,
    -- The first close covers every posting up to its date; later ones one date each.
    first_close    boolean     not null
);

-- Balances in each account type's normal-balance sign. opening + movement = closing, and closing
-- is the balance_after of the account's last posting up to the date (last_sequence).
create table account_balance_snapshot (
    business_date  date        not null references day_close (business_date),
    account_id     uuid        not null references account (id),
    currency       text        not null,
    account_type   text        not null,
    opening_minor  bigint      not null,
    debits_minor   bigint      not null check (debits_minor >= 0),
    credits_minor  bigint      not null check (credits_minor >= 0),
    closing_minor  bigint      not null,
    last_sequence  bigint      not null check (last_sequence >= 0),
    primary key (account_id, business_date)
);

create index account_balance_snapshot_by_date on account_balance_snapshot (business_date);

-- Per currency, the debit-normal balances equal the credit-normal ones: imbalance is always 0
-- unless the books are broken (it is recorded as found, never hidden, and alerted on).
create table trial_balance (
    business_date         date    not null references day_close (business_date),
    currency              text    not null,
    debit_balances_minor  numeric not null,
    credit_balances_minor numeric not null,
    imbalance_minor       numeric not null,
    accounts              integer not null,
    primary key (business_date, currency)
);

create trigger day_close_append_only before update or delete or truncate on day_close
    for each statement execute function ledger_refuse_rewrite();
create trigger account_balance_snapshot_append_only
    before update or delete or truncate on account_balance_snapshot
    for each statement execute function ledger_refuse_rewrite();
create trigger trial_balance_append_only before update or delete or truncate on trial_balance
    for each statement execute function ledger_refuse_rewrite();
