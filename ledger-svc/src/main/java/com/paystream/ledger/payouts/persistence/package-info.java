/** SQL of merchant payouts: payouts, bank details and their approvals, the bank's answers. */
package com.paystream.ledger.payouts.persistence;
