/** The audit of manual resolutions in PostgreSQL, written with its command in one transaction. */
package com.paystream.recon.breaks.persistence;
