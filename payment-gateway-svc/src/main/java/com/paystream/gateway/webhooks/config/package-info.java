/** Configuration of the webhook intake: providers, their dialects and secrets, limits. */
package com.paystream.gateway.webhooks.config;
