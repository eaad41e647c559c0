/** Configures the provider clients: {@code paystream.providers.clients.<name>.*}. */
package com.paystream.gateway.providers.config;
