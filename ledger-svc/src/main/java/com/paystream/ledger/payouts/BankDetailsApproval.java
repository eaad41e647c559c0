package com.paystream.ledger.payouts;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.platform.approvals.ApprovalRequest;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code merchant.bank-details} under four eyes: the request's target is the merchant, its payload
 * {@code {"changeId": ...}} names the pending version (never the IBAN), which approval makes the
 * one payouts use.
 */
public final class BankDetailsApproval implements ApprovalAction {

  public static final String ACTION = "merchant.bank-details";

  private static final Pattern CHANGE = Pattern.compile("\"changeId\":\"([0-9a-f-]{36})\"");

  // A supplier: the service asks the approvals for requests, and the approvals need this action.
  private final Supplier<BankDetailsService> details;

  public BankDetailsApproval(Supplier<BankDetailsService> details) {
    this.details = details;
  }

  static String payload(UUID changeId) {
    return "{\"changeId\":\"" + changeId + "\"}";
  }

  @Override
  public String name() {
    return ACTION;
  }

  @Override
  public Execution carryOut(ApprovalRequest request, String approvedBy) {
    Matcher change = CHANGE.matcher(request.payload());
    if (!change.find()) {
      throw new IllegalStateException("bank details approval without a change id: " + request);
    }
    UUID changeId = UUID.fromString(change.group(1));
    return details
        .get()
        .approve(changeId, approvedBy)
        .<Execution>map(Done::new)
        .orElseGet(
            () ->
                new Refused(
                    Kind.NOT_FOUND, "UNKNOWN_BANK_DETAILS", "no bank details change " + changeId));
  }
}
