/**
 * One security model for the four services: who calls ({@link Actor}, {@link Role}), how a call is
 * proved (API keys stored as hashes, OIDC bearer tokens) and which roles may call which route
 * ({@link AccessRules}, deny by default).
 */
package com.paystream.security;
