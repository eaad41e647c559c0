/** End-of-day close: snapshots of every balance and the trial balance per business date. */
package com.paystream.ledger.dayclose;
