/** Benchmarks of the gateway, run on demand (see the module README), never in the normal build. */
package com.paystream.gateway.benchmark;
