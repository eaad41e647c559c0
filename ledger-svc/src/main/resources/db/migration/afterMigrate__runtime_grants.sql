-- What the ledger's runtime role may do: the ONE place for it, re-applied by Flyway after every
-- migrate (an afterMigrate callback runs on every migrate, even when no migration was pending).
--
-- Flyway runs as the database owner, which owns every table. The service connects as the runtime
-- role ${runtime_role}: not a superuser, not the owner, no member of it. It can therefore never
-- ALTER, DROP, TRUNCATE or DISABLE TRIGGER a table, nor SET session_replication_role; and it can
-- only do what is granted below. Everything is revoked first, so a grant removed from this file is
-- gone after the next migrate.
--
-- ADDING A TABLE (in a new V... migration): add one line below in the right group, then run the
-- module's tests as they are (they connect as the runtime role: a missing grant fails them) and
-- RuntimeRoleIT (list a new financial-history table there too).
--   * financial history (append-only): grant select, insert on <table> to "${runtime_role}";
--   * operational state: select, insert, and update only on the columns the code sets
--     (grant update (col_a, col_b) on <table> ...); a row lock (SELECT ... FOR UPDATE / FOR SHARE)
--     needs UPDATE on at least one column of that table;
--   * delete only where the code (or a trigger it fires: triggers run as the runtime role) deletes.
-- Identity columns need no grant on their sequences; a sequence called with nextval() does
-- (grant usage on sequence <name> ...).

revoke all on all tables in schema public from "${runtime_role}", public;
revoke all on all sequences in schema public from "${runtime_role}", public;
-- Trigger functions fire whoever inserts; nobody needs to call them (or anything else here).
revoke all on all functions in schema public from "${runtime_role}", public;
revoke create on schema public from public;
grant usage on schema public to "${runtime_role}";

-- Financial history: INSERT and SELECT only (the append-only triggers refuse the rest anyway).
grant select, insert on journal_entry to "${runtime_role}";
grant select, insert on posting to "${runtime_role}";
grant select, insert on processed_event to "${runtime_role}";
grant select, insert on parked_command to "${runtime_role}";
grant select, insert on account_balance_snapshot to "${runtime_role}";
grant select, insert on trial_balance to "${runtime_role}";
grant select, insert on hold_settlement to "${runtime_role}";
grant select, insert on day_close to "${runtime_role}";
-- The audit trail and the four-eyes requests and decisions (append-only).
grant select, insert on audit_record to "${runtime_role}";
grant select, insert on approval_request to "${runtime_role}";
grant select, insert on approval_decision to "${runtime_role}";

-- The journal chains' heads: an operational cache (verification never trusts it), opened per chain
-- and moved by every batch under a row lock; the no-delete trigger keeps its rows.
grant select, insert (chain_id, last_seq, head_hash, head_entry_id) on journal_chain
    to "${runtime_role}";
grant update (last_seq, head_hash, head_entry_id, updated_at) on journal_chain to "${runtime_role}";
-- Holds are append-only too. HoldStore locks a hold (SELECT ... FOR UPDATE) so that two
-- settlements queue up, and PostgreSQL wants UPDATE on one column for a row lock: the id, which
-- the hold_append_only trigger (and the primary key's references) keep from ever changing.
grant select, insert on hold to "${runtime_role}";
grant update (id) on hold to "${runtime_role}";
-- Merchant payouts (V1_13_0): requests, bank details and their approvals, the bank's answers;
-- all append-only.
grant select, insert on merchant_payout to "${runtime_role}";
grant select, insert on merchant_payout_settlement to "${runtime_role}";
grant select, insert on merchant_bank_details to "${runtime_role}";
grant select, insert on merchant_bank_details_approval to "${runtime_role}";

-- Accounts: opened on first use (only identity columns: balances start at their defaults), then
-- their balances and sequence move; the account_guard trigger keeps the identity fixed.
grant select on account to "${runtime_role}";
grant insert (id, code, name, type, currency, overdraft_allowed) on account to "${runtime_role}";
grant update (available_minor, frozen_minor, last_sequence, last_posted_at, version)
    on account to "${runtime_role}";

-- Payment positions: what was booked and refunded per payment, upserted by each booking.
grant select, insert on payment_position to "${runtime_role}";
grant update (merchant_id, provider, currency, gross_minor, fee_minor, refunded_minor,
              booking_entry_id, state, updated_at, version)
    on payment_position to "${runtime_role}";

-- Partition ownership (V1_9_0): coordination, not history. An instance takes a partition by
-- inserting its row or moving its epoch up, and every booking batch holds its partitions' rows
-- FOR SHARE (a row lock, which the UPDATE grant covers). No delete: a partition keeps its epoch.
grant select, insert (consumer_group, topic, partition, epoch, owner, since) on partition_owner
    to "${runtime_role}";
grant update (epoch, owner, since) on partition_owner to "${runtime_role}";

-- The calendar: one row, read FOR SHARE by every booking, moved one date at a time by day close.
grant select on ledger_calendar to "${runtime_role}";
grant update (last_closed_date, updated_at) on ledger_calendar to "${runtime_role}";

-- The deferred balance check's work queue: the insert trigger on journal_entry adds a row, the
-- check at commit deletes it. Both triggers run as the runtime role, so it needs DELETE here (and
-- only here); the rows are transient bookkeeping of the check, not history.
grant select, insert, delete on journal_entry_balance_check to "${runtime_role}";

-- Outbox: the ledger writes the message and its publisher moves the delivery columns; the message
-- columns never change (outbox_guard) and cannot be set beyond the six the code inserts.
grant select on outbox to "${runtime_role}";
grant insert (message_id, topic, message_key, payload, trace_id, span_id) on outbox to "${runtime_role}";
grant update (status, attempts, next_attempt_at, published_at, last_error)
    on outbox to "${runtime_role}";
