/**
 * Provider settlement: a provider's payout, matched by reconciliation to the bank line that moved
 * it, booked exactly once as one PROVIDER_SETTLEMENT entry (bank cash, provider fees, suspense,
 * provider clearing).
 */
package com.paystream.ledger.settlement;
