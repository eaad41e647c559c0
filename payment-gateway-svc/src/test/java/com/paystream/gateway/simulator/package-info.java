/** Checks the gateway's provider client against the provider simulator over HTTP. */
package com.paystream.gateway.simulator;
