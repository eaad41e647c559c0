package com.paystream.gateway.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the benchmark's PostgreSQL server (postmaster, its live
 * backends and the ones already gone), in nanoseconds. On a machine shared with other builds,
 * throughput follows the share of the cores a process gets; CPU time per callback does not, so it
 * is the figure to compare between runs taken under different load.
 */
final class CpuClock {

  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  private final long postmasterPid;

  private CpuClock(long postmasterPid) {
    this.postmasterPid = postmasterPid;
  }

  /** Reads the server's pid from {@code postmaster.pid}; -1 (no server figures) if unknown. */
  static CpuClock of(Path dataDir) {
    if (dataDir == null) {
      return new CpuClock(-1);
    }
    try {
      return new CpuClock(
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return new CpuClock(-1);
    }
  }

  Sample sample() {
    return new Sample(jvmNanos(), postgresNanos(), threadNanos());
  }

  /**
   * CPU nanoseconds of this JVM's live threads by pool (name without its number): which part of the
   * process (HTTP server, R2DBC, load client) spends the time. GC and JIT are the remainder.
   */
  private static Map<String, Long> threadNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byPool = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        byPool.merge(info.getThreadName().replaceAll("[-#]?[0-9]+$", ""), nanos, Long::sum);
      }
    }
    return byPool;
  }

  /** CPU nanoseconds of both processes at one instant; -1 where unknown. */
  record Sample(long jvmNanos, long postgresNanos, Map<String, Long> threadNanos) {

    /**
     * Milliseconds of CPU per unit of work since {@code earlier}, per thread pool, largest first.
     */
    String threadsPer(Sample earlier, int units) {
      StringBuilder text = new StringBuilder();
      threadNanos.entrySet().stream()
          .map(
              e ->
                  Map.entry(
                      e.getKey(), e.getValue() - earlier.threadNanos.getOrDefault(e.getKey(), 0L)))
          .filter(e -> e.getValue() / 1e6 / units >= 0.005)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(
              e ->
                  text.append(
                      String.format(
                          Locale.ROOT, "  %-40s %.3f%n", e.getKey(), e.getValue() / 1e6 / units)));
      return text.toString();
    }

    /** Milliseconds of CPU per unit of work of one thread pool since {@code earlier}. */
    double poolMillisPer(String pool, Sample earlier, int units) {
      return perUnit(
          threadNanos.getOrDefault(pool, 0L), earlier.threadNanos.getOrDefault(pool, 0L), units);
    }

    /** Milliseconds of CPU per unit of work since {@code earlier}: JVM, PostgreSQL. */
    double[] millisPer(Sample earlier, int units) {
      return new double[] {
        perUnit(jvmNanos, earlier.jvmNanos, units),
        perUnit(postgresNanos, earlier.postgresNanos, units)
      };
    }

    private static double perUnit(long now, long before, int units) {
      return now < 0 || before < 0 ? -1 : (now - before) / 1e6 / units;
    }
  }

  private static long jvmNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private long postgresNanos() {
    if (postmasterPid < 0) {
      return -1;
    }
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long ticks =
          processes
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .mapToLong(this::ticksIfServer)
              .sum();
      return ticks * NANOS_PER_TICK;
    } catch (IOException e) {
      return -1;
    }
  }

  /** utime + stime of the postmaster's children; the postmaster adds its reaped children too. */
  private long ticksIfServer(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long pid = Long.parseLong(process.getFileName().toString());
      long parent = Long.parseLong(fields[1]);
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (pid == postmasterPid) {
        return own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return parent == postmasterPid ? own : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended while we looked
    }
  }
}
