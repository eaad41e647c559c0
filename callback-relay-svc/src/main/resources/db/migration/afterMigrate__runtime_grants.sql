-- What the relay's runtime role may do: the ONE place for it, re-applied by Flyway after every
-- migrate (an afterMigrate callback runs on every migrate, even when no migration was pending).
--
-- The relay works in the gateway's database. Its Flyway runs as that database's owner (the
-- gateway's owner role: it owns public.outbox, which the relay's migrations index). The relay
-- connects as its own runtime role ${runtime_role}: not a superuser, not the owner, no member of
-- it, with only what is granted below. Everything in schema relay is revoked first, so a grant
-- removed from this file is gone after the next migrate.
--
-- ADDING A TABLE to schema relay (in a new V... migration): add one line below in the right
-- group, then run the module's tests as they are (they connect as the runtime role: a missing
-- grant fails them) and RuntimeRoleIT (list a new append-only table there too).
--   * evidence (append-only): grant select, insert on relay.<table> to "${runtime_role}";
--   * operational state: select, insert, and update only on the columns the code sets; a row lock
--     (SELECT ... FOR UPDATE) needs UPDATE on at least one column of that table;
--   * delete only where the code deletes rows.

revoke all on all tables in schema relay from "${runtime_role}", public;
revoke all on all sequences in schema relay from "${runtime_role}", public;
revoke all on all functions in schema relay from "${runtime_role}", public;
revoke create on schema relay from public;
grant usage on schema relay to "${runtime_role}";
grant usage on schema public to "${runtime_role}";

-- Evidence: INSERT and SELECT only (the append-only triggers refuse the rest anyway).
grant select, insert on relay.confirmation to "${runtime_role}";
grant select, insert on relay.delivery_attempt to "${runtime_role}";
grant select, insert on relay.operator_audit to "${runtime_role}";
grant select, insert on relay.publication to "${runtime_role}";
-- The audit trail and the four-eyes requests and decisions (append-only).
grant select, insert on relay.audit_record to "${runtime_role}";
grant select, insert on relay.approval_request to "${runtime_role}";
grant select, insert on relay.approval_decision to "${runtime_role}";

-- The audit events' outbox: the message is written once; the publisher moves its delivery state.
grant select on relay.audit_outbox to "${runtime_role}";
grant insert (message_id, topic, message_key, payload, trace_id)
    on relay.audit_outbox to "${runtime_role}";
grant update (published_at, attempts) on relay.audit_outbox to "${runtime_role}";

-- The publisher's cursor (one row, locked FOR UPDATE by the active publisher).
grant select on relay.publisher_cursor to "${runtime_role}";
grant update (window_lo, window_hi, window_max_seq, after_seq, swept_through)
    on relay.publisher_cursor to "${runtime_role}";

-- Messages that need more than their first publication: queued, re-sent, confirmed, dead.
grant select, insert on relay.redelivery to "${runtime_role}";
grant update (attempts, state, next_attempt_at, published_at, last_error)
    on relay.redelivery to "${runtime_role}";

-- The gateway's outbox: read only. The gateway's grants file grants the same (placeholder
-- relay_runtime_role) for a relay that migrates before the gateway has created the table.
do $$
begin
    if to_regclass('public.outbox') is not null then
        execute format('revoke all on public.outbox from %I', '${runtime_role}');
        execute format('grant select on public.outbox to %I', '${runtime_role}');
    end if;
end $$;
