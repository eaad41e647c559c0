/** HTTP API of merchant payouts and merchant bank details. */
package com.paystream.ledger.payouts.web;
