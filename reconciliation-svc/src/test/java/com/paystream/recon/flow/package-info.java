/** Reconciliation end to end on the real broker and PostgreSQL of the test kit. */
package com.paystream.recon.flow;
