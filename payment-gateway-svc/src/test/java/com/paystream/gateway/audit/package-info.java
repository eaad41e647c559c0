/** The audit trail end to end: records, events, refusals, the auditors query. */
package com.paystream.gateway.audit;
