-- The W3C traceparent of the recon result that made a payment's status query due (a lost order),
-- so that the query, whenever a poller round runs it, continues that trace: its log lines and the
-- callback it records carry the trace that started at the statement. Cleared when the row goes
-- back to OVERDUE; queries nobody asked for start their own trace.
alter table status_query_schedule add column trigger_traceparent text
    check (length(trigger_traceparent) <= 128);
