/** Edge service: payments API and provider webhooks, durable before acknowledged. */
package com.paystream.gateway;
