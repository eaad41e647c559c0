package com.paystream.schemas.topics;

/** Who may read a topic, and so how strictly its value contract evolves. */
public enum Visibility {
  /**
   * Read by other services or outside the suite: its subject evolves FULL_TRANSITIVE (every version
   * reads and is read by every earlier one), so readers and writers deploy in any order.
   */
  PUBLIC,
  /**
   * Read only by the service that writes it (its own dead letters, its operators' requests). Its
   * value contract is still one of the catalogue's subjects, checked like that subject.
   */
  INTERNAL
}
