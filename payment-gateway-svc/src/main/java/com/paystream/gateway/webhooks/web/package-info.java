/** HTTP adapter of the webhook intake: {@code POST /v1/webhooks/{provider}}, problems, metrics. */
package com.paystream.gateway.webhooks.web;
