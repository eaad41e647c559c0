/** HTTP adapter of the payments API: {@code /v1/payments...}, JSON in and out, problems. */
package com.paystream.gateway.payments.web;
