/**
 * Test helpers, shipped in the security module's test jar: principals and keys for the services'
 * tests, an access probe, and a local OIDC provider (discovery, JWK set, signed tokens).
 */
package com.paystream.security.testing;
