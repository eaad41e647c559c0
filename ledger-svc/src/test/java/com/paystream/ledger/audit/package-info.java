/** The audit trail on the running ledger: records, events, refusals and the auditors' query. */
package com.paystream.ledger.audit;
