package com.paystream.gateway.payments.application;

/** What a create request gets: an answer (first or replayed), or why there is none now. */
public sealed interface CreationResult {

  /** The answer to send; the same bytes for the first request and every retry with its key. */
  record Answer(int status, String body, boolean replayed) implements CreationResult {}

  /** Another request with this key is being processed right now. */
  record InProgress() implements CreationResult {}

  /** The key was used before with another request. */
  record KeyReused() implements CreationResult {}
}
