package com.paystream.recon.statements.inbox;

import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ingestion.Channel;
import com.paystream.recon.statements.ingestion.IncomingStatement;
import com.paystream.recon.statements.ingestion.IngestionReceipt;
import com.paystream.recon.statements.ingestion.StatementIngestion;
import com.paystream.recon.statements.ingestion.UnrecognisedFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a directory for statement files. A file is taken only once its size and modification time
 * did not change between two polls (writers that copy slowly are not read half-way; writers that
 * can should still write {@code name.part} and rename). After ingestion it moves to {@code
 * processed/}, a refused one to {@code rejected/} with a {@code .error.txt} beside it. The move
 * happens after the database commit: a crash in between re-ingests the file on restart, which adds
 * nothing (lines are deduplicated).
 *
 * <p>Polling rather than {@code WatchService}: it works the same on network and container
 * filesystems, and a poll every few seconds is nothing next to a daily statement.
 */
public final class InboxWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

  private record Seen(long size, long modifiedMs) {}

  private final Path inbox;
  private final Path processed;
  private final Path rejected;
  private final Duration pollInterval;
  private final StatementIngestion ingestion;
  private final Clock clock;
  private final Map<Path, Seen> lastPoll = new HashMap<>();
  private ScheduledExecutorService executor;

  public InboxWatcher(
      Path inbox, Duration pollInterval, StatementIngestion ingestion, Clock clock) {
    this.inbox = inbox;
    this.processed = inbox.resolve("processed");
    this.rejected = inbox.resolve("rejected");
    this.pollInterval = pollInterval;
    this.ingestion = ingestion;
    this.clock = clock;
  }

  public synchronized void start() {
    try {
      Files.createDirectories(processed);
      Files.createDirectories(rejected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the statement inbox " + inbox, e);
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "statement-inbox");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Watching {} for statement files every {}", inbox, pollInterval);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // The database or the disk may be away for a moment; the files wait for the next poll.
      log.warn("Statement inbox poll failed; retrying in {}", pollInterval, e);
    }
  }

  /** One pass: ingests every file that has been stable since the previous pass, oldest first. */
  public void poll() {
    Map<Path, Seen> now = new HashMap<>();
    for (Path file : candidates()) {
      Seen seen = seen(file);
      now.put(file, seen);
      if (seen.equals(lastPoll.get(file))) {
        take(file);
        now.remove(file);
      }
    }
    lastPoll.clear();
    lastPoll.putAll(now);
  }

  private List<Path> candidates() {
    try (Stream<Path> files = Files.list(inbox)) {
      return files
          .filter(Files::isRegularFile)
          .filter(InboxWatcher::isStatementFile)
          .sorted(Comparator.comparing(InboxWatcher::modified))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + inbox, e);
    }
  }

  private static boolean isStatementFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
  }

  private static long modified(Path file) {
    return seen(file).modifiedMs();
  }

  private static Seen seen(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Seen(attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return new Seen(-1, -1);
    }
  }

  private void take(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      log.warn("Cannot read statement file {}; trying again next poll", file, e);
      return;
    }
    String name = file.getFileName().toString();
    try {
      IngestionReceipt receipt =
          ingestion.ingest(new IncomingStatement(Channel.INBOX, name, Optional.empty(), content));
      move(file, processed.resolve(stamped(name)));
      log.info(
          "Inbox file {} ingested: {} new lines of {}",
          name,
          receipt.newLines(),
          receipt.totalLines());
    } catch (MalformedStatementException | UnrecognisedFormatException e) {
      Path target = rejected.resolve(stamped(name));
      move(file, target);
      write(target.resolveSibling(target.getFileName() + ".error.txt"), e.getMessage());
    }
  }

  private String stamped(String name) {
    return STAMP.format(clock.instant()) + "-" + name;
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + from + " to " + to, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.warn("Cannot write {}", file, e);
    }
  }
}
