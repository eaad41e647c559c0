-- Issue 19: a statement line may be part of a payout (a provider's po_..., ours to a merchant
-- mpo_...): the payout report's payout_reference column, or a bank line whose reference matches
-- paystream.recon.payouts.reference-pattern. Kept with the line so an operator finds every line of
-- a payout; null for lines of no payout and for every line ingested before.
alter table statement_line add column payout_reference text
    check (payout_reference is null or length(payout_reference) between 1 and 140);

create index statement_line_payout_reference on statement_line (payout_reference)
    where payout_reference is not null;
