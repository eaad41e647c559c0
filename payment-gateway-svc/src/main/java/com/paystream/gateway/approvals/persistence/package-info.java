/** Approval requests and decisions in PostgreSQL (append-only). */
package com.paystream.gateway.approvals.persistence;
