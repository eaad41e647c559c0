/** Wiring of four eyes: the approval policy from {@code paystream.approvals.*}. */
package com.paystream.gateway.approvals.config;
