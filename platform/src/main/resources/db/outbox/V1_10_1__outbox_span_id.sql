-- The span that recorded a message, beside its trace id, so that the publisher can write a W3C
-- traceparent header (trace id + parent span id) and whoever consumes the record continues the
-- trace as a child of the span that caused it. Empty for rows recorded outside a trace (and for
-- every row older than this migration). Adding a column with a constant default does not rewrite
-- the table.
--
-- Version 1.10.1: a platform migration runs in every service that lists db/outbox, so its version
-- must lie above each service's newest migration when it is added (ledger 1.10.0, the others
-- lower); each service's next migration continues above it (docs/decisions.md, "Tracing").
alter table outbox add column span_id text not null default '';

create or replace function outbox_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'outbox rows are never deleted (seq %)', old.seq using errcode = 'P0001';
    end if;
    if new.seq is distinct from old.seq or new.message_id is distinct from old.message_id
       or new.topic is distinct from old.topic or new.message_key is distinct from old.message_key
       or new.payload is distinct from old.payload or new.trace_id is distinct from old.trace_id
       or new.span_id is distinct from old.span_id
       or new.created_at is distinct from old.created_at then
        raise exception 'outbox message % is immutable; only delivery state may change', old.message_id
            using errcode = 'P0001';
    end if;
    return new;
end $$;
