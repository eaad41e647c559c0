/** Payments and their status history in PostgreSQL, through R2DBC. */
package com.paystream.gateway.payments.persistence;
