/** HTTP adapter of refunds: {@code POST /v1/payments/{id}/refunds}. */
package com.paystream.gateway.refunds.web;
