/** Wires the command topic's envelope encoder. */
package com.paystream.gateway.commands.config;
