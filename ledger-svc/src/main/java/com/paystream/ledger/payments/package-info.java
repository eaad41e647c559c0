/** What the ledger does with a payment: the posting rules for callbacks and payment commands. */
package com.paystream.ledger.payments;
