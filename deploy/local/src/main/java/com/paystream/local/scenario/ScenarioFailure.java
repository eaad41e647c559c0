package com.paystream.local.scenario;

/** The scenario could not go on: a service stayed away, or refused what it must accept. */
public final class ScenarioFailure extends RuntimeException {

  ScenarioFailure(String message) {
    super(message);
  }
}
