/** HTTP API of business dates: close status with trial balance, and closing on demand. */
package com.paystream.ledger.dayclose.web;
