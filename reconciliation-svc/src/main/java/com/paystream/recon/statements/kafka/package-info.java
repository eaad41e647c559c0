/** Statement lines as {@code bank.statements.v1} records, shipped through the outbox. */
package com.paystream.recon.statements.kafka;
