/** HTTP API of accounts: balance now or as of an instant, statement with cursor pagination. */
package com.paystream.ledger.accounts.web;
