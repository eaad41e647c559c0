/** Proves the caller of an API request from its {@code Authorization: Bearer psk_...} header. */
package com.paystream.gateway.auth.web;
