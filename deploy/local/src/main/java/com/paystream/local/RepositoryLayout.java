package com.paystream.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, found from where this launcher was loaded. */
record RepositoryLayout(Path root, String version) {

  private static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

  /**
   * The launcher lives in {@code <root>/deploy/local/target/} (as a jar, or as {@code classes/}
   * when run from an IDE); anything else falls back to the working directory.
   */
  static RepositoryLayout detect() {
    String version = LocalStack.class.getPackage().getImplementationVersion();
    return new RepositoryLayout(findRoot(), version == null ? FALLBACK_VERSION : version);
  }

  Path defaultDataDir() {
    return root.resolve("deploy").resolve("local").resolve("data");
  }

  private static Path findRoot() {
    try {
      Path location =
          Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
      for (Path dir = location; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("deploy").resolve("local"))
            && Files.exists(dir.resolve("pom.xml"))) {
          return dir;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
