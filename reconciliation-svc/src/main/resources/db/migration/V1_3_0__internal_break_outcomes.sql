-- Internal reconciliation (succeeded callbacks against journal entries) adds break outcomes that an
-- operator can resolve too. The check constraint is replaced, not the table: rows stay untouched.
alter table break_resolution drop constraint break_resolution_outcome_check;
alter table break_resolution add constraint break_resolution_outcome_check check (outcome in
    ('AMOUNT_MISMATCH', 'DUPLICATE', 'LOST_ORDER', 'MISSING_IN_STATEMENT',
     'NOT_BOOKED', 'BOOKED_WITHOUT_CALLBACK', 'DOUBLE_BOOKED', 'BOOKED_AMOUNT_MISMATCH'));
