-- Commands that overtook their payment (ledger-svc README, "Commands before their payment").
-- Callbacks and commands travel on different topics, so a refund can be read before the success
-- callback of its payment; after a restore the ledger re-reads both topics from its positions at
-- once and it happens systematically. Such a command was dead-lettered PAYMENT_NOT_BOOKED and
-- recorded in processed_event, so every later delivery was a duplicate and it was never applied.
--
-- Now it is parked here instead, with no processed_event row, and applied in the transaction that
-- books its payment, through the same rules as a live command (its own processed_event row then).
-- One row per command (parking again is a no-op); the decoded command is kept so that applying it
-- needs no schema registry, and the record's key and value for a dead letter if the rules refuse
-- it then. Append-only: a parked command that was applied is the one with a processed_event row.
create table parked_command (
    source_event_id  uuid        primary key,
    payment_id       text        not null,
    merchant_id      text        not null,
    provider         text        not null,
    requested_by     text,
    approved_by      text,
    reason           text        not null,
    kind             text        not null
                     check (kind in ('REFUND', 'CANCELLATION', 'AMENDMENT', 'SUPPLEMENT')),
    amount_minor     bigint,
    currency         text,
    status           text,
    -- The refund id of a refund, the evidence of a supplement.
    reference        text,
    occurred_at      timestamptz not null,
    trace_id         text        not null,
    source_topic     text        not null,
    source_partition integer     not null,
    source_offset    bigint      not null,
    record_key       bytea,
    record_value     bytea,
    parked_at        timestamptz not null
);

-- The booking batch reads the parked commands of its payments in one query.
create index parked_command_payment on parked_command (payment_id);

create trigger parked_command_append_only before update or delete or truncate on parked_command
    for each statement execute function ledger_refuse_rewrite();
