/** Test support: a migrated ledger database on the shared PostgreSQL. */
package com.paystream.ledger.support;
