/** HTTP adapter of corrections: {@code /v1/payments/{id}/amendments} and {@code /supplements}. */
package com.paystream.gateway.corrections.web;
