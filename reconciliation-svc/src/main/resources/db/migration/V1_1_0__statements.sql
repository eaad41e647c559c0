-- Every statement file received (HTTP upload or inbox), accepted or refused. A re-upload of the
-- same file is recorded again with new_lines = 0: the audit trail shows it came twice.
create table statement_file (
    file_id        uuid        primary key,
    received_at    timestamptz not null default now(),
    channel        text        not null check (channel in ('HTTP', 'INBOX')),
    file_name      text        not null default '',
    format         text        not null check (format in ('CAMT053', 'MT940', 'PROVIDER_CSV')),
    sha256         text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint      not null check (size_bytes >= 0),
    accepted       boolean     not null,
    statement_ids  text[]      not null default '{}',
    total_lines    integer     not null default 0 check (total_lines >= 0),
    new_lines      integer     not null default 0 check (new_lines >= 0 and new_lines <= total_lines),
    error          text,
    check (accepted = (error is null))
);

create index statement_file_sha256 on statement_file (sha256);

-- One row per statement line ever ingested; the primary key is the deduplication: a line seen
-- before (same statement id and line id) is never published again.
create table statement_line (
    statement_id      text        not null check (length(statement_id) between 1 and 140),
    line_id           text        not null check (length(line_id) between 1 and 140),
    -- Deferred: the lines are inserted first (their RETURNING tells which are new), the file row
    -- with the counts after, in the same transaction.
    file_id           uuid        not null references statement_file (file_id)
                                  deferrable initially deferred,
    format            text        not null,
    account_reference text        not null,
    provider          text,
    payment_reference text,
    direction         text        not null check (direction in ('CREDIT', 'DEBIT')),
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    booking_date      date        not null,
    value_date        date,
    event_id          uuid        not null unique,
    ingested_at       timestamptz not null default now(),
    primary key (statement_id, line_id)
);

create index statement_line_reference on statement_line (payment_reference);

create trigger statement_file_append_only before update or delete on statement_file
    for each row execute function recon_forbid_change();
create trigger statement_file_no_truncate before truncate on statement_file
    for each statement execute function recon_forbid_change();
create trigger statement_line_append_only before update or delete on statement_line
    for each row execute function recon_forbid_change();
create trigger statement_line_no_truncate before truncate on statement_line
    for each statement execute function recon_forbid_change();
