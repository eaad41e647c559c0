/** Servers a test may stop and start again, to watch a service through an outage. */
package com.paystream.testkit.outage;
