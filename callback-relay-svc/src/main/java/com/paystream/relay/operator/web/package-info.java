/** The operator API over HTTP: bearer-token authentication, JSON, RFC 9457 problem answers. */
package com.paystream.relay.operator.web;
