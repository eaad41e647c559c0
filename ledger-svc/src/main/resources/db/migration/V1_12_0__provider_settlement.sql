-- Issue 19: the ledger books provider payouts (ledger-svc README, "Provider settlement").
--
-- 1. A new entry type, PROVIDER_SETTLEMENT: a provider's payout matched to the bank line that moved
--    it (debit bank cash, credit provider clearing, the provider's fees as an expense, chargebacks
--    and an unexplained difference to suspense). Distinct from SETTLEMENT, a hold's capture. The
--    CHECK lists every type the code writes; it is replaced, not relaxed.
alter table journal_entry drop constraint journal_entry_entry_type_check;
alter table journal_entry add constraint journal_entry_entry_type_check
    check (entry_type in ('PAYMENT', 'REFUND', 'REVERSAL', 'AMENDMENT', 'SUPPLEMENT', 'SETTLEMENT',
                          'HOLD', 'RELEASE', 'PROVIDER_SETTLEMENT'));

-- 2. Bank cash may go negative from now on (ChartOfAccounts; docs/decisions.md, issue 19): the
--    books follow the bank statement, and an overdraft is the bank's to allow. Accounts are opened
--    on first use with the chart's flag and keep it (account_guard refuses changing it); a bank-cash
--    account opened before this migration is brought in line here, once, by the owner, behind that
--    guard: its identity (code, type, currency) and balances do not change.
alter table account disable trigger account_guard;
update account set overdraft_allowed = true
 where code like 'bank-cash:%' and type = 'ASSET' and not overdraft_allowed;
alter table account enable trigger account_guard;
