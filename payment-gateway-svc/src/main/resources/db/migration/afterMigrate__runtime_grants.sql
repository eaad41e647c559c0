-- What the gateway's runtime role may do: the ONE place for it, re-applied by Flyway after every
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
--   * delete only where the code deletes rows.
-- Identity columns need no grant on their sequences; a sequence called with nextval() does
-- (grant usage on sequence <name> ...).

revoke all on all tables in schema public from "${runtime_role}", public;
revoke all on all sequences in schema public from "${runtime_role}", public;
-- Trigger functions fire whoever inserts; nobody needs to call them (or anything else here).
revoke all on all functions in schema public from "${runtime_role}", public;
revoke create on schema public from public;
grant usage on schema public to "${runtime_role}";

-- Financial history: INSERT and SELECT only (the append-only triggers refuse the rest anyway).
grant select, insert on callback_inbox to "${runtime_role}";
grant select, insert on payment_status_history to "${runtime_role}";
grant select, insert on audit_record to "${runtime_role}";

-- Payments: created, then moved through their statuses; identity columns never change.
grant select, insert on payment to "${runtime_role}";
grant update (status, attention, provider_payment_id, redirect_url, amount_minor, updated_at,
              version) on payment to "${runtime_role}";

-- Refunds: settled once (REQUESTED -> SUBMITTED | FAILED).
grant select, insert on refund to "${runtime_role}";
grant update (status, provider_refund_id, updated_at) on refund to "${runtime_role}";

-- Idempotency records: leased while in progress, completed once.
grant select, insert on idempotency_record to "${runtime_role}";
grant update (state, response_status, response_body, lease_until, completed_at)
    on idempotency_record to "${runtime_role}";

-- Four eyes: requests and their one decision (append-only).
grant select, insert on approval_request to "${runtime_role}";
grant select, insert on approval_decision to "${runtime_role}";

-- Active status queries: operational schedule, updated in place.
grant select, insert on status_query_schedule to "${runtime_role}";
grant update (provider, state, reason, next_query_at, attempts, last_query_at, last_outcome,
              claim_token, trigger_event_id, trigger_traceparent, started_at, updated_at)
    on status_query_schedule to "${runtime_role}";
grant select on status_query_seed_mark to "${runtime_role}";
grant update (seeded_until) on status_query_seed_mark to "${runtime_role}";

-- Outbox: the gateway writes the message; the callback relay (its own role) reads it. The gateway
-- never changes a message, and its delivery columns are not the gateway's to set.
grant select on outbox to "${runtime_role}";
grant insert (message_id, topic, message_key, payload, trace_id, span_id) on outbox to "${runtime_role}";

-- The callback relay's runtime role reads the outbox (and nothing else of the gateway's). Its own
-- grants file grants the same when the relay migrates after the gateway; this one covers a relay
-- that migrated first. Empty when no relay role is configured.
do $$
begin
    if '${relay_runtime_role}' <> '' then
        execute format('grant select on outbox to %I', '${relay_runtime_role}');
    end if;
end $$;
