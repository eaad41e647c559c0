/** Amounts of money as integer minor units of one ISO 4217 currency; no floating point. */
package com.paystream.platform.money;
