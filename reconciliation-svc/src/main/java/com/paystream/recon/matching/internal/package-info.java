/**
 * Internal reconciliation: every succeeded payment callback has exactly one journal entry in the
 * ledger, caused by it and for the same amount, and every payment entry has such a callback.
 */
package com.paystream.recon.matching.internal;
