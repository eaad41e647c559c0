/**
 * The provider simulator: an HTTP provider the gateway talks to through its real adapter, which
 * sends correctly signed webhooks back, with drops, duplicates, delays and reordering on demand.
 */
package com.paystream.simulator;
