-- Issue 15: statement lines are classified before matching. An unmatched line (outgoing, not a
-- payment, or naming no payment of this suite) is a break operators resolve like the others; payouts
-- and fees awaiting settlement are never breaks and are not listed. Break ids are opaque from now
-- on (brk_ and 24 characters), within the existing length check.
alter table break_resolution drop constraint break_resolution_outcome_check;
alter table break_resolution add constraint break_resolution_outcome_check check (outcome in
    ('AMOUNT_MISMATCH', 'DUPLICATE', 'LOST_ORDER', 'MISSING_IN_STATEMENT',
     'NOT_BOOKED', 'BOOKED_WITHOUT_CALLBACK', 'DOUBLE_BOOKED', 'BOOKED_AMOUNT_MISMATCH',
     'UNMATCHED_LINE'));
