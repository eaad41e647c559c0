package com.paystream.relay.operator;

import java.util.List;
import java.util.UUID;

/**
 * What a redrive did: the operator_audit row's id, who asked (and who approved a bulk redrive), and
 * the messages that are due again.
 */
public record RedriveResult(
    long auditId, String operator, String approvedBy, int redriven, List<UUID> messageIds) {}
