-- camt.052 (intraday account reports) and BAI2 (US banks) are read too.
alter table statement_file drop constraint statement_file_format_check;
alter table statement_file add constraint statement_file_format_check
    check (format in ('CAMT053', 'MT940', 'PROVIDER_CSV', 'CAMT052', 'BAI2'));
