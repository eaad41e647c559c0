/** Configures status queries: {@code paystream.status-queries.*} and the recon results consumer. */
package com.paystream.gateway.statusquery.config;
