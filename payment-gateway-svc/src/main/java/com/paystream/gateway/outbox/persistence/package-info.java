/** Writes outbox rows with R2DBC inside the caller's transaction. */
package com.paystream.gateway.outbox.persistence;
