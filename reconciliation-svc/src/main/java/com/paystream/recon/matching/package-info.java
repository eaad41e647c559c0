/**
 * Matching, free of Kafka: a unit per payment reference nets statement lines against ledger
 * cashflow, and decides matches, breaks, their deadlines and how they close.
 */
package com.paystream.recon.matching;
