package com.paystream.gateway.callbacks;

import com.paystream.gateway.outbox.OutboxMessage;

/** Turns a recorded callback into the Kafka record the relay publishes for it. */
public interface CallbackMessages {

  OutboxMessage toOutbox(RecordedCallback recorded);
}
