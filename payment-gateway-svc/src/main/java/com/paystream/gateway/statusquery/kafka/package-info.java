/** Reads {@code recon.results.v1}: a lost order asks for an immediate status query. */
package com.paystream.gateway.statusquery.kafka;
