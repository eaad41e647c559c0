/** The relay benchmark: commit-to-topic latency at a fixed rate, and backlog throughput. */
package com.paystream.relay.bench;
