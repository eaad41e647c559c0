/** The audit trail: who changed what, when, before and after; append-only. */
package com.paystream.gateway.audit;
