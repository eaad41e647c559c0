/** Approvals over HTTP: list, show, approve, reject. */
package com.paystream.ledger.approvals.web;
