/** Payments: the status machine, guarded transitions and value types, free of web and SQL types. */
package com.paystream.gateway.payments;
