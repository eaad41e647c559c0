/** The matching benchmark command: topology throughput beside a plain consume-and-produce. */
package com.paystream.recon.bench;
