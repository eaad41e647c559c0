/** Four eyes on the running ledger: requests, approvals, rejections, expiry. */
package com.paystream.ledger.approvals;
