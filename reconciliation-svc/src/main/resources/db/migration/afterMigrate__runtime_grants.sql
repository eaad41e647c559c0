-- What reconciliation's runtime role may do: the ONE place for it, re-applied by Flyway after
-- every migrate (an afterMigrate callback runs on every migrate, even when no migration was
-- pending).
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
--   * evidence / financial history (append-only): grant select, insert on <table> to ...;
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

-- Evidence: INSERT and SELECT only (the append-only triggers refuse the rest anyway).
grant select, insert on statement_file to "${runtime_role}";
grant select, insert on statement_line to "${runtime_role}";
grant select, insert on break_resolution to "${runtime_role}";
-- The audit trail and the four-eyes requests and decisions (append-only).
grant select, insert on audit_record to "${runtime_role}";
grant select, insert on approval_request to "${runtime_role}";
grant select, insert on approval_decision to "${runtime_role}";

-- Outbox: reconciliation writes the message and its publisher moves the delivery columns; the
-- message columns never change (outbox_guard) and cannot be set beyond the six the code inserts.
grant select on outbox to "${runtime_role}";
grant insert (message_id, topic, message_key, payload, trace_id, span_id) on outbox to "${runtime_role}";
grant update (status, attempts, next_attempt_at, published_at, last_error)
    on outbox to "${runtime_role}";
