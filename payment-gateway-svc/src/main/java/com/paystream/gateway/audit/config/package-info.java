/** Wiring of the audit trail. */
package com.paystream.gateway.audit.config;
