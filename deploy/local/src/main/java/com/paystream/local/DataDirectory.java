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

  Path postgres() {
    return root.resolve("postgres");
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
