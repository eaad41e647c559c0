/**
 * The sealed journal: day seals over the journal chains' heads, their Ed25519 keys, and the
 * verification of every chain and seal (ledger-svc README, "Sealed journal").
 */
package com.paystream.ledger.sealing;
