/**
 * Reports per business date and currency: counts and amounts per outcome, open breaks and money at
 * risk, read from the topology's stores; produced on a schedule, after a day's statement and on
 * demand, served over HTTP and written to {@code recon.reports.v1} (Avro, the catalogue's {@code
 * ReconReport}).
 */
package com.paystream.recon.report;
