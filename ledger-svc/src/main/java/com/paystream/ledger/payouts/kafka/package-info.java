/** The bank's answers about merchant payouts, read from recon.settlements.v1. */
package com.paystream.ledger.payouts.kafka;
