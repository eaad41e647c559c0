package com.paystream.relay.operator.web;

import com.paystream.relay.input.RequestInput;
import com.paystream.relay.operator.MessagePage;
import com.paystream.relay.operator.MessageState;
import com.paystream.relay.operator.OperatorService;
import com.paystream.relay.operator.RedriveResult;
import com.paystream.relay.operator.RelayedMessage;
import com.paystream.security.servlet.Actors;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists what the ledger has not confirmed or what was dead-lettered, with each message's delivery
 * history, and redrives one message or every message matching a filter.
 */
@RestController
@RequestMapping(path = "/v1/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
class OperatorController {

  private final OperatorService service;
  private final RequestInput input;

  OperatorController(OperatorService service, RequestInput input) {
    this.service = service;
    this.input = input;
  }

  @GetMapping
  MessagePage list(
      @RequestParam(name = "status", required = false) List<String> status,
      @RequestParam(name = "provider", required = false) String provider,
      @RequestParam(name = "paymentId", required = false) String paymentId,
      @RequestParam(name = "olderThan", required = false) String olderThan,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestParam(name = "limit", required = false) String limit) {
    return service.list(
        Filters.of(input, status, provider, paymentId, olderThan, null),
        input.cursor("cursor", cursor),
        input.pageSize("limit", limit, 50, OperatorService.MAX_PAGE_SIZE));
  }

  @GetMapping("/{messageId}")
  RelayedMessage one(@PathVariable("messageId") UUID messageId) {
    return service.find(messageId);
  }

  @PostMapping(path = "/{messageId}/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
  RedriveResult redriveOne(
      @PathVariable("messageId") UUID messageId, @RequestBody RedriveRequest request) {
    return service.redriveOne(
        messageId, Actors.current().label(), Filters.reason(input, request.reason()));
  }

  /**
   * Redrives every match (without a status: the dead-lettered messages) once a second operator
   * approves ({@code redrive.bulk}): 202 with the approval request; 200 with the result when the
   * policy lets one operator do it.
   */
  @PostMapping(path = "/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> redriveMatching(@RequestBody RedriveFilterRequest request) {
    OperatorService.BulkOutcome outcome =
        service.requestBulk(
            Filters.of(
                input,
                request.status(),
                request.provider(),
                request.paymentId(),
                request.olderThan(),
                MessageState.DEAD),
            Actors.current().label(),
            Filters.reason(input, request.reason()));
    if (outcome instanceof OperatorService.BulkOutcome.AwaitingApproval awaiting) {
      return ResponseEntity.accepted()
          .location(URI.create("/v1/approvals/" + awaiting.approval().approvalId()))
          .body(awaiting.approval());
    }
    return ResponseEntity.ok(((OperatorService.BulkOutcome.Done) outcome).result());
  }

  record RedriveRequest(String reason) {}

  record RedriveFilterRequest(
      List<String> status, String provider, String paymentId, String olderThan, String reason) {}
}
