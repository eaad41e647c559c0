/** Read side of accounts: balances now and as of an instant, and statements (cashflow). */
package com.paystream.ledger.accounts.persistence;
