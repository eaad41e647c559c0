/** What the ledger's API refuses: every bad-input class against every endpoint that takes input. */
package com.paystream.ledger.input;
