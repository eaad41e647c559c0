package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Arrival;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.payouts.PayoutLine;

/**
 * What reaches a matcher: a line of either side, a line naming a payout (the second leg's), or an
 * operator's resolution.
 */
sealed interface Inbound permits Inbound.Line, Inbound.Payout, Inbound.Resolution {

  record Line(Arrival arrival) implements Inbound {}

  record Payout(PayoutLine line) implements Inbound {}

  record Resolution(ManualResolution resolution) implements Inbound {}
}
