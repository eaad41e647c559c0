package com.paystream.testkit.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of the infrastructure main classes: {@code --data-dir DIR --port N} and, for
 * PostgreSQL, any number of {@code --database NAME}.
 *
 * @param dataDir where the data is kept across restarts; {@code null} for a temp directory
 * @param port the port to listen on; 0 for a free one
 * @param databases databases to create (if missing) before announcing readiness
 */
public record ProcessArgs(Path dataDir, int port, List<String> databases) {

  public ProcessArgs {
    databases = List.copyOf(databases);
  }

  /** Parses the arguments (all optional, in any order). */
  public static ProcessArgs parse(String... args) {
    Path dataDir = null;
    int port = 0;
    List<String> databases = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> port = parsePort(value);
        case "--database" -> databases.add(value);
        default -> throw new IllegalArgumentException("unknown argument " + name);
      }
    }
    return new ProcessArgs(dataDir, port, databases);
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: " + value, e);
    }
  }
}
