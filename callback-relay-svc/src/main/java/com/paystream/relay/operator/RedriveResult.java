package com.paystream.relay.operator;

import java.util.List;
import java.util.UUID;

/** What a redrive did: the audit record's id and the messages that are due again. */
public record RedriveResult(long auditId, String operator, int redriven, List<UUID> messageIds) {}
