-- Manual resolutions of reconciliation breaks: who closed which break, when and why. Append-only;
-- a break is resolved manually at most once (the unique key turns a second attempt into a
-- conflict instead of a second story).
create table break_resolution (
    resolution_id     uuid        primary key,
    break_id          text        not null unique check (length(break_id) between 1 and 200),
    payment_reference text        not null,
    outcome           text        not null check (outcome in
                          ('AMOUNT_MISMATCH', 'DUPLICATE', 'LOST_ORDER', 'MISSING_IN_STATEMENT')),
    business_date     date        not null,
    resolved_by       text        not null check (length(resolved_by) between 1 and 200),
    reason            text        not null check (length(btrim(reason)) between 3 and 2000),
    resolved_at       timestamptz not null default now()
);

create trigger break_resolution_append_only before update or delete on break_resolution
    for each row execute function recon_forbid_change();
create trigger break_resolution_no_truncate before truncate on break_resolution
    for each statement execute function recon_forbid_change();
