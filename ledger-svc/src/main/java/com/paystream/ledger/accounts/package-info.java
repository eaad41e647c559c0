/** The chart of accounts: account types, codes, normal-balance signs and which may overdraw. */
package com.paystream.ledger.accounts;
