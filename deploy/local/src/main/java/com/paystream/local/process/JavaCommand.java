package com.paystream.local.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines of Java children: this JVM's {@code java}, and its own class path. */
public final class JavaCommand {

  /** How the broker and the database children log (the test kit's configuration). */
  public static final String INFRASTRUCTURE_LOGBACK =
      "com/paystream/testkit/logback-infrastructure.xml";

  private JavaCommand() {}

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * {@code main} run from this JVM's own class path (the test kit and its jars), as the broker and
   * the database are: {@code java <heap> -Dlogback.configurationFile=… -cp <own> main args…}.
   */
  public static List<String> ownClasspath(String heap, Class<?> main, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                heap,
                "-Dlogback.configurationFile=" + INFRASTRUCTURE_LOGBACK,
                "-cp",
                ownClasspath(),
                main.getName()));
    command.addAll(args);
    return command;
  }

  /**
   * Absolute, because the children may not share the working directory; a jar's manifest Class-Path
   * (target/lib/*) is honoured for jars named on -cp too.
   */
  public static String ownClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
