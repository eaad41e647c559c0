package com.paystream.gateway.webhooks.web;

/** The largest webhook body we read, in bytes; anything longer is answered 413 unread. */
public record WebhookLimits(long maxBodyBytes) {

  public WebhookLimits {
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("max body size out of range: " + maxBodyBytes);
    }
  }
}
