-- Access paths for the relay's claim on the gateway's outbox (OutboxPublisher with re-delivery).
-- The platform's outbox_due index holds every row still waiting for the ledger's confirmation, in
-- seq order, so "first publications in seq order" stepped over all of them on each claim: with a
-- 1-minute first wait at 1,000 callbacks/s that is some 60,000 rows per claim, growing with any
-- backlog. The relay claims first publications and due re-deliveries separately, each through an
-- index holding only what that query wants. Indexes only: the table, its columns, its trigger and
-- the gateway's insert are unchanged. On a large existing outbox, build them beforehand with
-- CREATE INDEX CONCURRENTLY under the same names; this migration then skips them.
--
-- The gateway owns the outbox table and creates the same indexes in its own migration (1.3.0);
-- services start in any order, so a relay that migrates before the gateway skips them here
-- instead of failing, and whichever runs second finds them in place.
do $$
begin
    if to_regclass('public.outbox') is not null then
        create index if not exists outbox_first_publication on public.outbox (seq)
            where status = 'PENDING';
        create index if not exists outbox_redelivery_due on public.outbox (next_attempt_at)
            where status = 'PUBLISHED' and next_attempt_at <> 'infinity';
    end if;
end $$;
