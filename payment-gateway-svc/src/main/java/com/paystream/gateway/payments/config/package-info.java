/** Wires the payments feature: the command topic's messages. */
package com.paystream.gateway.payments.config;
