/**
 * The servlet services' HTTP edge: every refusal, whether Spring MVC, Spring Security's firewall or
 * Tomcat itself raised it, answered as RFC 9457 problem+json with a stable {@code reason}.
 */
package com.paystream.security.servlet.edge;
