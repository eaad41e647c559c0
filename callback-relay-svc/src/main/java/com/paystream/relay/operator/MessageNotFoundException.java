package com.paystream.relay.operator;

import java.util.UUID;

/** No recorded message has this id; answered with 404. */
public final class MessageNotFoundException extends RuntimeException {

  public MessageNotFoundException(UUID messageId) {
    super("no recorded message " + messageId);
  }
}
