/** The admin's key API: {@code GET /v1/keys}, {@code POST /v1/keys}. */
package com.paystream.gateway.keys.web;
