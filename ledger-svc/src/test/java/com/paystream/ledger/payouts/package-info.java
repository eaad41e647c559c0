/** Tests of merchant payouts: requests, four eyes, limits, bank details and the bank's answers. */
package com.paystream.ledger.payouts;
