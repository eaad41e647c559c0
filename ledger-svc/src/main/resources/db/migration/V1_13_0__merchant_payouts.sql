-- Merchant payouts through holds (issue 19; ledger-svc README, "Holds" and "Merchant payouts").
--
-- 1. Holds gain an optional deadline (hold.expires_at, set at INSERT only: the table stays
--    append-only) and partial capture: a settlement records how much of the hold was captured
--    (captured_minor, the rest was released in the same transaction) and who settled it
--    (settled_by: an operator's label, or system:hold-expiry / system:merchant-payouts).
--    Settlements written before this migration have neither: a CAPTURED one captured the whole hold.
-- 2. merchant_bank_details: a requested change of a merchant's payout account, and
--    merchant_bank_details_approval: the second operator's approval that makes it the one in use.
--    The full IBAN lives in merchant_bank_details.iban only; everything else carries iban_masked.
-- 3. merchant_payout: a payout as requested (payout id mpo_..., derived from the merchant and the
--    client's idempotency key), its hold (hold.id derived from the payout id) placed at once or on
--    the approval named by approval_id; merchant_payout_settlement: what the bank said about it
--    (recon.settlements.v1), one row per consumed settlement (its dedupe record) or unreadable record.
-- All append-only; states are derived from the rows (and the hold's settlement), never updated.

-- 1 -----------------------------------------------------------------------------------------------
alter table hold add column expires_at timestamptz;
alter table hold add constraint hold_expires_after_creation
    check (expires_at is null or expires_at > created_at);
-- The expiry scheduler's query: open holds past their deadline, oldest deadline first.
create index hold_expiring on hold (expires_at) where expires_at is not null;

alter table hold_settlement add column captured_minor bigint;
alter table hold_settlement add column settled_by text;
alter table hold_settlement add constraint hold_settlement_captured_positive
    check (captured_minor is null or (outcome = 'CAPTURED' and captured_minor > 0));

-- 2 -----------------------------------------------------------------------------------------------
create table merchant_bank_details (
    change_id    uuid        primary key,
    merchant_id  text        not null,
    iban         text        not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    iban_masked  text        not null,
    holder_name  text        not null check (length(holder_name) between 1 and 140),
    requested_by text        not null,
    requested_at timestamptz not null,
    approval_id  uuid        not null references approval_request (request_id)
);

create index merchant_bank_details_by_merchant
    on merchant_bank_details (merchant_id, requested_at desc);

create table merchant_bank_details_approval (
    change_id   uuid        primary key references merchant_bank_details (change_id),
    approved_by text        not null,
    approved_at timestamptz not null
);

-- 3 -----------------------------------------------------------------------------------------------
create table merchant_payout (
    payout_id         text        primary key check (payout_id ~ '^mpo_[A-Za-z0-9_-]{24}$'),
    merchant_id       text        not null,
    idempotency_key   text        not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    business_date     date        not null,
    hold_id           uuid        not null unique,
    bank_details_id   uuid        not null references merchant_bank_details (change_id),
    requested_by      text        not null,
    requested_at      timestamptz not null,
    approval_id       uuid        references approval_request (request_id),
    unique (merchant_id, idempotency_key)
);

-- The daily limit's sum: a merchant's payouts of one currency and business date.
create index merchant_payout_by_day on merchant_payout (merchant_id, currency, business_date);

create table merchant_payout_settlement (
    source_key        text        primary key,
    payout_id         text,
    kind              text        not null
                      check (kind in ('MERCHANT_PAYOUT_CONFIRMED', 'MERCHANT_PAYOUT_RETURNED',
                                      'UNREADABLE')),
    outcome           text        not null check (outcome in ('APPLIED', 'NO_EFFECT', 'DEAD_LETTERED')),
    bank_amount_minor bigint,
    entry_id          uuid        references journal_entry (id),
    reason_code       text,
    source_topic      text        not null,
    source_partition  integer     not null,
    source_offset     bigint      not null,
    processed_at      timestamptz not null,
    constraint merchant_payout_settlement_reason_iff_dead
        check ((outcome = 'DEAD_LETTERED') = (reason_code is not null))
);

create index merchant_payout_settlement_by_payout on merchant_payout_settlement (payout_id);

create trigger merchant_bank_details_append_only
    before update or delete or truncate on merchant_bank_details
    for each statement execute function ledger_refuse_rewrite();
create trigger merchant_bank_details_approval_append_only
    before update or delete or truncate on merchant_bank_details_approval
    for each statement execute function ledger_refuse_rewrite();
create trigger merchant_payout_append_only
    before update or delete or truncate on merchant_payout
    for each statement execute function ledger_refuse_rewrite();
create trigger merchant_payout_settlement_append_only
    before update or delete or truncate on merchant_payout_settlement
    for each statement execute function ledger_refuse_rewrite();
