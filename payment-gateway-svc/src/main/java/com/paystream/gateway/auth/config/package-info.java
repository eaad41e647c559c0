/** Bootstrap API keys from configuration (hashes only), stored at startup. */
package com.paystream.gateway.auth.config;
