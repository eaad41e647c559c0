package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.internal.InternalArrival;

/** What reaches internal reconciliation: a callback or entry, or an operator's resolution. */
sealed interface InternalInbound permits InternalInbound.Arrival, InternalInbound.Resolution {

  record Arrival(InternalArrival arrival) implements InternalInbound {}

  record Resolution(ManualResolution resolution) implements InternalInbound {}
}
