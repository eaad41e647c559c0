package com.paystream.relay.operator;

import java.util.List;

/**
 * One page of messages, oldest first; {@code nextCursor} continues after the last message looked
 * at, and is null when there is nothing further.
 */
public record MessagePage(List<RelayedMessage> items, String nextCursor) {}
