/** Test helpers: a local OIDC provider (discovery, JWK set, signed tokens) and an HTTP client. */
package com.paystream.security.testing;
