/**
 * Test helpers, shipped in the security module's test jar: principals and keys for the services'
 * tests, an access probe, a local OIDC provider (discovery, JWK set, signed tokens), and for the
 * bad-input corpus tests the classes of bad input ({@link BadInput}, {@link BadRequest}), a raw
 * socket HTTP sender ({@link RawHttp}) and the shape every refusal must have ({@link
 * ProblemAssert}).
 */
package com.paystream.security.testing;
