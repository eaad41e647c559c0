/**
 * The payments API's use cases: idempotent creation, cancellation, refunds, amendments and
 * supplements, each one transaction with its history, audit record and ledger command.
 */
package com.paystream.gateway.payments.application;
