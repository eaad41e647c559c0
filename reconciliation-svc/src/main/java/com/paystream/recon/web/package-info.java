/** Reconciliation's HTTP edge: every refusal of a request as problem+json with a stable reason. */
package com.paystream.recon.web;
