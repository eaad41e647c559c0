/** SQL of the day close: advancing the calendar, snapshotting balances, the trial balance. */
package com.paystream.ledger.dayclose.persistence;
