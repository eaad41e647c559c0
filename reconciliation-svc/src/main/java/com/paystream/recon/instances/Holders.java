package com.paystream.recon.instances;

import com.paystream.recon.audit.AuditContext;
import com.paystream.recon.matching.streams.ReconStreams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Acts that only the holder of their target may carry out (resolving a break: its legs, the
 * resolution's command and the four-eyes rules are the holder's) are passed on to it when this
 * instance does not hold the target: every other instance is asked whether it holds it (the same
 * {@code scope=local} GET as a query for the whole), and the one that does gets the same request
 * and gives the caller its answer as it is. The holder applies the rules and writes the audit
 * record once; this instance writes none for the act.
 */
public final class Holders {

  private static final TypeReference<List<JsonNode>> ANYTHING = new TypeReference<>() {};

  private final ReconStreams streams;
  private final Peers peers;

  public Holders(ReconStreams streams, Peers peers) {
    this.streams = streams;
    this.peers = peers;
  }

  /**
   * The holder's answer to {@code request} (with {@code body}) when another instance holds its
   * target; empty when this instance holds it, or nobody does (this instance then answers, such as
   * 404 for a break open nowhere).
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while this instance's
   *     streams are not RUNNING
   * @throws InstancesUnavailableException when another instance does not say whether it holds the
   *     target, two say they do, the holder does not answer, or the partitions moved meanwhile
   */
  public Optional<ResponseEntity<byte[]>> answerFromHolder(
      Whereabouts target, HttpServletRequest request, Object body) {
    ReconStreams.Instances before = streams.instances();
    if (target.heldHere().getAsBoolean() || before.others().isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<JsonNode>> parts =
        peers.askEach(before.others(), PeerRequest.of(request, target.probePath(), null), ANYTHING);
    List<String> holders =
        parts.entrySet().stream()
            .filter(part -> !part.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    if (holders.size() > 1 || !before.equals(streams.instances())) {
      throw new InstancesUnavailableException(
          "the partitions moved between the instances while the holder was looked for");
    }
    if (holders.isEmpty()) {
      return Optional.empty();
    }
    Forwarded answer = peers.forward(holders.get(0), Forward.sameAs(request, body));
    if (answer.status() == 404 && !before.equals(streams.instances())) {
      // The target moved away from the instance asked before the request reached it: it did
      // nothing (it passes nothing on under scope=local), and the new holder can be asked again.
      throw new InstancesUnavailableException(
          "the partitions moved while the request was passed on");
    }
    if (answer.refused()) {
      // The holder recorded its refusal; this instance's request filter must not record it twice.
      AuditContext.current().ifPresent(AuditContext::markRecorded);
    }
    return Optional.of(answer.toResponse());
  }
}
