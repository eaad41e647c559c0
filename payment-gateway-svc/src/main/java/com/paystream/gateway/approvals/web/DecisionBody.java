package com.paystream.gateway.approvals.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An approval's decision as the API description shows it. Who decides is the caller, never a field:
 * a body naming the approver is refused.
 */
@Schema(name = "Decision")
record DecisionBody(@Schema(description = "why, kept with the decision") String reason) {}
