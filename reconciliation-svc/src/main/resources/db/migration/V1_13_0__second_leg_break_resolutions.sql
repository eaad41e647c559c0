-- Issue 19: the second leg's breaks are resolved like the others (four eyes), so their outcomes
-- must be accepted by the resolution record. Before this, an approved resolution of a payout break
-- failed on this check and nothing was resolved. Every outcome that is not an agreement and not a
-- line awaiting settlement is listed (BreakResolutionOutcomesIT holds the list to the enum).
alter table break_resolution drop constraint break_resolution_outcome_check;
alter table break_resolution add constraint break_resolution_outcome_check check (outcome in
    ('AMOUNT_MISMATCH', 'DUPLICATE', 'LOST_ORDER', 'MISSING_IN_STATEMENT',
     'NOT_BOOKED', 'BOOKED_WITHOUT_CALLBACK', 'DOUBLE_BOOKED', 'BOOKED_AMOUNT_MISMATCH',
     'UNMATCHED_LINE',
     'PAYOUT_MISSING', 'PAYOUT_SHORT', 'PAYOUT_OVER',
     'PAYOUT_LINE_UNKNOWN', 'PAYOUT_LINE_MISMATCH', 'NOT_PAID_OUT', 'CHARGEBACK',
     'MERCHANT_PAYOUT_CONFIRMED', 'MERCHANT_PAYOUT_RETURNED'));
