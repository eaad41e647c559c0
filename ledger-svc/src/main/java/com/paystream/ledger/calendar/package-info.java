/** Business dates: which date a booking belongs to, given the time zone, cutoff and closed days. */
package com.paystream.ledger.calendar;
