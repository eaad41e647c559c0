/** Refund rows in PostgreSQL, through R2DBC. */
package com.paystream.gateway.refunds.persistence;
