-- Delivery state moves out of the gateway's outbox rows into narrow tables of the relay.
--
-- Why: marking every published row (a non-HOT UPDATE of a wide row, an entry in each of its
-- indexes, the guard trigger) was most of the cost of a publication. Now the relay reads the outbox
-- as a log: first publications follow a persisted cursor that moves once per batch, and each batch
-- leaves one row in relay.publication. Only messages that need more than their first publication
-- (the ledger did not confirm them in time, a refusal, a redrive) get a row of their own in
-- relay.redelivery. The outbox rows are never updated by the relay any more; their status,
-- attempts, next_attempt_at, published_at, confirmed_at and last_error columns keep whatever they
-- held at this migration (see below for rows still moving then).
--
-- Commit order without skipping late commits: outbox.seq is taken when a row is inserted, not when
-- it commits, so a cursor on seq alone could step over a row whose transaction commits late. Each
-- row also records its inserting transaction (outbox.xid, default pg_current_xact_id()). The
-- publisher reads in windows of transaction ids [lo, hi) where hi is the xmin of its snapshot:
-- every transaction below it has ended, so the window can no longer grow. Within a window rows go
-- out in seq order; the gateway serialises the callbacks of one payment on the payment's row before
-- it inserts their outbox rows, so seq order is their commit order, also across windows.
do $$
begin
    if to_regclass('public.outbox') is not null then
        -- Two steps: a column without default is added without rewriting the table; rows that
        -- exist now keep a null xid (they are handled through relay.redelivery, below).
        alter table public.outbox add column if not exists xid xid8;
        alter table public.outbox alter column xid set default pg_current_xact_id();
        create index if not exists outbox_xid on public.outbox (xid);
        -- The status-based claim paths are gone: new rows stay 'PENDING' in the outbox for good,
        -- so these partial indexes would only grow and cost every insert.
        drop index if exists public.outbox_first_publication;
        drop index if exists public.outbox_redelivery_due;
        drop index if exists public.outbox_due;
    end if;
end $$;

-- The publisher's position, one row. Rows with xid < window_lo are published; so are rows with
-- window_lo <= xid < window_hi and seq <= after_seq. window_max_seq is the highest seq in the
-- window (the window is closed: it can no longer change). swept_through is the last
-- relay.publication whose unconfirmed messages were queued for re-delivery. Locking this row
-- (FOR UPDATE SKIP LOCKED) makes an instance the active publisher for one batch.
create table publisher_cursor (
    id             boolean primary key default true check (id),
    window_lo      xid8   not null,
    window_hi      xid8   not null,
    window_max_seq bigint not null,
    after_seq      bigint not null,
    swept_through  bigint not null
);
insert into publisher_cursor values (true, '0', '0', 0, 0, 0);

-- One row per batch of first publications: which outbox rows (window and seq range) went out, and
-- when. The first PUBLISHED event of a message's history, and the start of its re-delivery wait.
create table publication (
    id           bigint      generated always as identity primary key,
    window_lo    xid8        not null,
    window_hi    xid8        not null,
    seq_after    bigint      not null,
    seq_last     bigint      not null check (seq_last > seq_after),
    messages     integer     not null check (messages > 0),
    published_at timestamptz not null default now()
);
create index publication_window on publication (window_hi, seq_last);

create trigger publication_append_only before update or delete on publication
    for each row execute function forbid_change();
create trigger publication_no_truncate before truncate on publication
    for each statement execute function forbid_change();

-- Messages that need more than their first publication: queued by the sweep when the ledger did
-- not confirm them within the first wait, by a redrive, or by a refusal of the ledger. Narrow and
-- operational (like the outbox's delivery columns were); its history is relay.delivery_attempt,
-- relay.confirmation and relay.operator_audit, which stay append-only. attempts counts
-- publications so far (0: due for a first publication again after a redrive).
create table redelivery (
    message_id      uuid        primary key,
    seq             bigint      not null,
    attempts        integer     not null check (attempts >= 0),
    state           text        not null check (state in ('WAITING', 'CONFIRMED', 'DEAD')),
    next_attempt_at timestamptz not null,
    published_at    timestamptz,
    last_error      text
);
create index redelivery_due on redelivery (next_attempt_at, seq) where state = 'WAITING';
create index redelivery_dead on redelivery (seq) where state = 'DEAD';
create index redelivery_seq on redelivery (seq);

-- Rows still moving when this migration runs carry their state over: waiting for the ledger (due
-- at their next attempt), dead, or not yet published. The last are due at '-infinity': the
-- publisher ships them (in seq order) before it starts on the log, so that per-payment order holds
-- across the switch.
do $$
begin
    if to_regclass('public.outbox') is not null then
        insert into redelivery (message_id, seq, attempts, state, next_attempt_at, published_at,
                                last_error)
        select message_id, seq, attempts,
               case when status = 'DEAD' then 'DEAD' else 'WAITING' end,
               case when status = 'PENDING' then '-infinity'::timestamptz
                    when status = 'DEAD' then 'infinity'::timestamptz
                    else next_attempt_at end,
               published_at, last_error
          from public.outbox
         where status in ('PENDING', 'DEAD')
            or (status = 'PUBLISHED' and next_attempt_at <> 'infinity');
    end if;
end $$;
