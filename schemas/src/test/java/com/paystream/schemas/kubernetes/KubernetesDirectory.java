package com.paystream.schemas.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code deploy/kubernetes} is, seen from a test of this module. */
final class KubernetesDirectory {

  private KubernetesDirectory() {}

  /** {@code deploy/kubernetes/base} of the checkout the tests run in. */
  static Path base() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path base = dir.resolve("deploy/kubernetes/base");
      if (Files.isDirectory(base)) {
        return base;
      }
    }
    throw new IllegalStateException("no deploy/kubernetes/base above " + start);
  }
}
