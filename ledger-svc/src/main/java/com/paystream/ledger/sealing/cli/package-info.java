/** The offline journal verification: a command run against the ledger's database. */
package com.paystream.ledger.sealing.cli;
