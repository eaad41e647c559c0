package com.paystream.platform.outbox;

/** The broker did not acknowledge a batch; the transaction rolls back and the rows stay due. */
public final class PublishFailedException extends RuntimeException {

  PublishFailedException(Throwable cause) {
    super("broker did not acknowledge the outbox batch: " + cause.getMessage(), cause);
  }
}
