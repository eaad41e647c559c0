/** The callback inbox and the one transaction that records a callback, in PostgreSQL. */
package com.paystream.gateway.callbacks.persistence;
