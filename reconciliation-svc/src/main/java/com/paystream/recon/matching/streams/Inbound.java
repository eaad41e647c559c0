package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Arrival;
import com.paystream.recon.matching.ManualResolution;

/** What reaches the matcher: a line of either side, or an operator's resolution. */
sealed interface Inbound permits Inbound.Line, Inbound.Resolution {

  record Line(Arrival arrival) implements Inbound {}

  record Resolution(ManualResolution resolution) implements Inbound {}
}
