package com.paystream.local.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A log's lines; a byte that is not UTF-8 (a crashed child's half line) does not stop the read. */
final class LogLines {

  private LogLines() {}

  static List<String> of(Path log) throws IOException {
    if (log == null || !Files.exists(log)) {
      return List.of();
    }
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
  }
}
