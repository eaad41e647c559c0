/** The audit trail and four eyes against the real broker and PostgreSQL. */
package com.paystream.recon.audit;
