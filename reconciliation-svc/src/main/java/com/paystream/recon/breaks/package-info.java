/**
 * The break workflow: open breaks listed with filters, closed by an operator with a reason that is
 * audited (append-only) before the topology applies it; money at risk per currency as a metric.
 */
package com.paystream.recon.breaks;
