package com.paystream.gateway.callbacks;

/** How a callback reached us: the provider called us, or we asked the provider. */
public enum CallbackSource {
  WEBHOOK,
  STATUS_QUERY
}
