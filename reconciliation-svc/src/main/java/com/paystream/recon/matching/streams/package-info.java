/** The Kafka Streams adapter of matching: topology, stores, deadline sweeps, dead letters. */
package com.paystream.recon.matching.streams;
