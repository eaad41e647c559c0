package com.paystream.recon.matching.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which Kafka cluster the local state directory was built from. Kafka Streams' stores are a cache
 * of their changelog topics, but the directory outlives the cluster: after the cluster is replaced
 * (a new one, a restore, a wiped local stack), a task whose old checkpoint is not beyond the new
 * changelog's end is taken as up to date and serves the old cluster's units, e.g. a payout of the
 * same reference already matched, so the new one is never settled. Kafka Streams only notices a
 * checkpoint beyond the changelog's end.
 *
 * <p>A file beside the application's directory records the cluster id the state belongs to. State
 * of another cluster, or of an unrecorded one (a directory written before this check), is wiped and
 * rebuilt from the changelogs. The record is written only once the directory is clean: a crash
 * while wiping leaves the old id, and the next start wipes again.
 */
final class ClusterBoundState {

  private final Path applicationDir;
  private final Path record;

  /**
   * @param stateDir Kafka Streams' {@code state.dir}
   * @param applicationId its {@code application.id}: the state is under {@code
   *     stateDir/applicationId}
   */
  ClusterBoundState(Path stateDir, String applicationId) {
    this.applicationDir = stateDir.resolve(applicationId);
    this.record = stateDir.resolve(applicationId + ".kafka-cluster-id");
  }

  /** The local state exists and is not known to belong to {@code clusterId}. */
  boolean foreignTo(String clusterId) {
    return hasState() && !recorded().map(clusterId::equals).orElse(false);
  }

  /** The cluster the state belongs to, when recorded. */
  Optional<String> recorded() {
    try {
      return Files.exists(record)
          ? Optional.of(Files.readString(record, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + record, e);
    }
  }

  /** Records that the (clean or matching) state belongs to {@code clusterId}; atomic. */
  void belongsTo(String clusterId) {
    if (recorded().map(clusterId::equals).orElse(false)) {
      return;
    }
    try {
      Files.createDirectories(record.getParent());
      Path next = record.resolveSibling(record.getFileName() + ".next");
      Files.writeString(next, clusterId + "\n", StandardCharsets.UTF_8);
      Files.move(next, record, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + record, e);
    }
  }

  /**
   * Any task directory: the client writes its process id and lock files there when it is created,
   * before it holds any state.
   */
  private boolean hasState() {
    if (!Files.isDirectory(applicationDir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(applicationDir)) {
      return entries.anyMatch(Files::isDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + applicationDir, e);
    }
  }
}
