/** Who may call what on the ledger: route coverage and the authorization matrix. */
package com.paystream.ledger.access;
