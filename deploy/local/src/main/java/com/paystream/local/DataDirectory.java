package com.paystream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The launcher's data directory: {@code kafka/}, {@code postgres/} and {@code logs/}. A marker file
 * says the directory is the stack's own, so {@code --fresh} never deletes a directory someone
 * pointed {@code --data-dir} at by mistake; a file lock keeps two launchers off the same data.
 */
final class DataDirectory implements AutoCloseable {

  private static final String MARKER = ".local-stack";
  private static final String LOCK = ".lock";
  private static final String CLUSTER_ID = "postgres-cluster-id";
  private static final java.time.format.DateTimeFormatter CLUSTER_ID_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("'cluster-'yyyyMMdd'T'HHmmss'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static DataDirectory open(Path root, boolean fresh) {
    try {
      Files.createDirectories(root);
      if (!Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
        throw new IllegalStateException(
            root + " is not empty and not a local-stack data directory; choose another --data-dir");
      }
      Files.writeString(root.resolve(MARKER), "data of the paystream local stack\n");
      FileChannel channel =
          FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("another local stack is running on " + root);
      }
      // Only under the lock: a second launcher must never wipe the data of a running one.
      if (fresh) {
        wipeContent(root);
      }
      Files.createDirectories(root.resolve("logs"));
      return new DataDirectory(root, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the data directory " + root, e);
    }
  }

  Path root() {
    return root;
  }

  Path kafka() {
    return root.resolve("kafka");
  }

  /** The primary's data. */
  Path postgres() {
    return root.resolve("postgres");
  }

  /** A standby's data. */
  Path postgres(String standby) {
    return root.resolve("postgres-" + standby);
  }

  /**
   * The name of the database cluster in this directory, under which its WAL and base backups are
   * archived: made with the directory (a fresh start wipes it and makes a new cluster, whose WAL
   * must never mix with an older one's), kept across restarts, and carried over by a restore.
   */
  String clusterId() {
    Path file = root.resolve(CLUSTER_ID);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      String id = CLUSTER_ID_FORMAT.format(java.time.Instant.now());
      Files.writeString(file, id + "\n");
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster id in " + root, e);
    }
  }

  /**
   * Whether a cluster was made here before: its primary's data must then be there too, or it was
   * lost (see {@link StackRunner}).
   */
  boolean hasCluster() {
    return Files.exists(root.resolve(CLUSTER_ID));
  }

  /** After a restore: the data now belongs to the cluster whose archive it was restored from. */
  void clusterId(String id) {
    try {
      Files.writeString(root.resolve(CLUSTER_ID), id + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cluster id in " + root, e);
    }
  }

  Path log(String name) {
    return root.resolve("logs").resolve(name + ".log");
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void wipeContent(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.equals(MARKER) && !name.equals(LOCK)) {
          deleteRecursively(entry);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
