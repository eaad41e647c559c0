package com.paystream.local.chaos;

import com.paystream.local.cluster.ClusterPorts;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.scenario.DisruptionReport;
import com.paystream.local.scenario.Disturbance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos day's faults, one after the other while the day trades, on a timeline printed as it
 * happens (offsets from the start of trading):
 *
 * <ol>
 *   <li>{@code kill -9} the broker that is the quorum's active controller;
 *   <li>{@code kill -9} one instance of each service (the relay's leader among them);
 *   <li>freeze a ledger instance ({@code SIGSTOP}) for longer than its group session and poll
 *       interval, then let it go on ({@code SIGCONT}): it was evicted and must be fenced;
 *   <li>{@code kill -9} the PostgreSQL primary's postmaster (its supervisor restarts it, and it
 *       recovers from its WAL).
 * </ol>
 *
 * The supervisors restart whatever was killed; the chaos only waits for it. Before each next fault
 * it waits until the killed children are ready again and the callback backlog is back at or below
 * its level before the fault (see {@link Samples}), so each fault is recovered from before the next
 * one, and how long that took is the fault's recovery figure.
 */
public final class Chaos implements Disturbance {

  private static final Logger log = LoggerFactory.getLogger(Chaos.class);

  /**
   * Pacing of the timeline.
   *
   * @param warmup trading before the first fault, so that the backlog has a level to return to
   * @param baseline how far back before a fault its backlog level is taken (the highest reading)
   * @param settled how long the backlog must stay at or below that level to count as recovered
   * @param gap quiet time between one fault's recovery and the next fault
   * @param recoveryTimeout how long a fault may take to recover before the chaos gives up on it
   */
  public record Pacing(
      Duration warmup,
      Duration baseline,
      Duration settled,
      Duration gap,
      Duration recoveryTimeout) {

    public static final Pacing DEFAULT =
        new Pacing(
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofMinutes(4));
  }

  private final ChaosTarget target;
  private final Pacing pacing;
  private final PrintStream out;
  private final boolean terminal;
  private final Samples samples;
  private final List<DisruptionReport.Fault> faults = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> seen = new LinkedHashMap<>();
  private volatile Duration relayTakeover;
  private volatile Instant start;
  private Thread timeline;

  public Chaos(ChaosTarget target, Pacing pacing, PrintStream out, boolean terminal) {
    this.target = target;
    this.pacing = pacing;
    this.out = out;
    this.terminal = terminal;
    this.samples = new Samples(target.instancesOf("relay"), target.baseUrls());
  }

  @Override
  public synchronized void start() {
    if (timeline != null) {
      return;
    }
    start = Instant.now();
    samples.start();
    timeline = new Thread(this::run, "chaos-timeline");
    timeline.setDaemon(true);
    timeline.start();
  }

  @Override
  public void awaitOver() {
    Thread thread;
    synchronized (this) {
      thread = timeline;
    }
    if (thread == null) {
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized Optional<DisruptionReport> report() {
    return Optional.of(
        new DisruptionReport(
            faults,
            Optional.ofNullable(relayTakeover),
            "relay_backlog (callbacks the gateway recorded and the ledger has not confirmed,"
                + " counted in the database; read from any relay instance twice a second)",
            problems));
  }

  /** What was seen, by name, for the tests: e.g. {@code fenced-batches} of the frozen ledger. */
  public synchronized Map<String, String> seen() {
    return Map.copyOf(seen);
  }

  private void run() {
    try {
      print(
          "chaos timeline starts with trading; first fault in "
              + pacing.warmup().toSeconds()
              + " s");
      sleep(pacing.warmup());
      killActiveController();
      sleep(pacing.gap());
      killOneInstanceOfEachService();
      sleep(pacing.gap());
      freezeLedger();
      sleep(pacing.gap());
      killPostgresPrimary();
      print("chaos timeline over: every fault injected, everything killed is running again");
    } catch (RuntimeException e) {
      log.error("The chaos timeline stopped", e);
      synchronized (this) {
        problems.add("the chaos timeline stopped: " + e.getMessage());
      }
      print("chaos timeline stopped: " + e.getMessage());
    } finally {
      samples.close();
    }
  }

  private void killActiveController() {
    OptionalInt controller = OptionalInt.empty();
    Instant deadline = Instant.now().plusSeconds(30);
    while (controller.isEmpty() && Instant.now().isBefore(deadline)) {
      controller = target.kafka().activeController();
    }
    int id = controller.orElseThrow(() -> new IllegalStateException("no active controller found"));
    SupervisedChild broker = target.brokers().get(id);
    int restarts = broker.restarts();
    fault(
        "kill -9 kafka-" + id + " (active controller)",
        () -> {
          long pid = broker.signal("KILL");
          return "pid " + pid;
        },
        () -> newController(id),
        List.of(new Comeback.Restarted(broker, restarts)));
  }

  /** Waits (briefly) for the quorum to elect another leader, and says who. */
  private String newController(int killed) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      OptionalInt now = target.kafka().activeController();
      if (now.isPresent() && now.getAsInt() != killed) {
        print("kafka-" + now.getAsInt() + " is the active controller now");
        return "kafka-" + now.getAsInt() + " took over as controller";
      }
      sleep(Duration.ofMillis(200));
    }
    return "no new controller seen within 30 s";
  }

  private void killOneInstanceOfEachService() {
    String relay = samples.leadingRelay().orElse(target.instancesOf("relay").get(0));
    String otherRelay =
        target.instancesOf("relay").stream()
            .filter(name -> !name.equals(relay))
            .findFirst()
            .orElseThrow();
    List<String> victims = new ArrayList<>();
    for (String service : ClusterPorts.SERVICES) {
      victims.add(service.equals("relay") ? relay : service + "-1");
    }
    List<Comeback.Restarted> comeBack =
        victims.stream()
            .map(
                name ->
                    new Comeback.Restarted(target.instance(name), target.instance(name).restarts()))
            .toList();
    Instant[] killedAt = new Instant[1];
    fault(
        "kill -9 " + String.join(", ", victims) + " (" + relay + " led the relay)",
        () -> {
          List<String> pids = new ArrayList<>();
          killedAt[0] = Instant.now();
          for (String victim : victims) {
            pids.add(victim + " pid " + target.instance(victim).signal("KILL"));
          }
          return String.join(", ", pids);
        },
        () -> relayTakeover(relay, otherRelay, killedAt[0]),
        comeBack);
  }

  /** From the leader's kill to the other instance's first publication after it. */
  private String relayTakeover(String killed, String other, Instant killedAt) {
    Instant deadline = killedAt.plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      Optional<Instant> published = samples.lastPublished(other);
      if (published.isPresent() && published.get().isAfter(killedAt)) {
        Duration takeover = Duration.between(killedAt, published.get());
        synchronized (this) {
          relayTakeover = takeover;
          seen.put("relay-takeover-ms", Long.toString(takeover.toMillis()));
        }
        print(other + " publishes: the relay's takeover took " + seconds(takeover));
        return other + " publishing " + seconds(takeover) + " after " + killed + "'s kill";
      }
      sleep(Samples.PERIOD);
    }
    return other + " published nothing within 60 s of " + killed + "'s kill (no traffic?)";
  }

  private void freezeLedger() {
    String ledger = target.instancesOf("ledger").get(1);
    SupervisedChild child = target.instance(ledger);
    Duration freeze = target.timeouts().freezeLongerThanGroupTimeouts();
    OptionalDouble fencedBefore = fencedBatches(ledger);
    int lostBefore = occurrences(child.outputSinceStart(), PARTITIONS_LOST);
    fault(
        "SIGSTOP " + ledger + " for " + freeze.toSeconds() + " s, then SIGCONT",
        () -> {
          long pid = child.signal("STOP");
          print("froze " + ledger + " (pid " + pid + "); SIGCONT in " + freeze.toSeconds() + " s");
          sleep(freeze);
          child.signal("CONT");
          print(ledger + " goes on (SIGCONT); its group has moved on without it");
          return "pid " + pid;
        },
        () -> "",
        List.of(new Comeback.Ready(child)),
        () -> {
          // Read once it is ready again: the batch it held when frozen is refused as it goes on.
          // It learns of its eviction at its first heartbeat after SIGCONT; give it a moment.
          Instant until = Instant.now().plus(EVICTION_SEEN_WITHIN);
          boolean evicted = false;
          while (!evicted && Instant.now().isBefore(until)) {
            evicted = occurrences(child.outputSinceStart(), PARTITIONS_LOST) > lostBefore;
            if (!evicted) {
              sleep(Samples.PERIOD);
            }
          }
          OptionalDouble fencedAfter = fencedBatches(ledger);
          String fenced =
              fencedAfter.isPresent()
                  ? Long.toString((long) (fencedAfter.getAsDouble() - fencedBefore.orElse(0)))
                  : "?";
          synchronized (this) {
            seen.put("fenced-batches", fenced);
            seen.put("evicted", Boolean.toString(evicted));
          }
          return ledger
              + (evicted ? " was evicted (its log: partitions lost)" : " was NOT seen evicted")
              + ", fenced batches "
              + fenced
              + " (ledger_fenced_batches_total)";
        });
  }

  private static final Duration EVICTION_SEEN_WITHIN = Duration.ofSeconds(20);

  /** What a consumer logs when it finds it was evicted from its group while away. */
  private static final String PARTITIONS_LOST = "Lost previously assigned partitions";

  private static int occurrences(String text, String what) {
    int count = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
      count++;
    }
    return count;
  }

  private OptionalDouble fencedBatches(String ledger) {
    return Prometheus.read(target.baseUrl(ledger), "ledger_fenced_batches_total", "");
  }

  private void killPostgresPrimary() {
    SupervisedChild primary = target.postgresPrimary();
    int restarts = primary.restarts();
    fault(
        "kill -9 the PostgreSQL primary's postmaster",
        () -> {
          long pid = postmasterPid();
          signal(pid, "KILL");
          return "pid " + pid;
        },
        () -> "restarted with crash recovery from its WAL",
        List.of(new Comeback.Restarted(primary, restarts)));
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(target.postgresPrimaryData().resolve("postmaster.pid"))
              .get(0)
              .strip());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the primary's postmaster.pid", e);
    }
  }

  /**
   * Injects one fault and waits until it is recovered from: every child in {@code comeBack} is
   * back, and the backlog has been at or below its level before the fault for {@link
   * Pacing#settled}.
   */
  private void fault(
      String what,
      Supplier<String> inject,
      Supplier<String> observe,
      List<? extends Comeback> comeBack) {
    fault(what, inject, observe, comeBack, () -> "");
  }

  /**
   * The same, and {@code afterwards} says what was seen once it recovered (e.g. what a frozen
   * instance did once it went on).
   */
  private void fault(
      String what,
      Supplier<String> inject,
      Supplier<String> observe,
      List<? extends Comeback> comeBack,
      Supplier<String> afterwards) {
    Instant before = Instant.now();
    long baseline = samples.maxBacklog(before.minus(pacing.baseline()), before);
    Instant at = Instant.now();
    print(what + " (backlog before: " + baseline + ")");
    String injected = inject.get();
    print("  " + injected);
    String observed = observe.get();
    Instant deadline = at.plus(pacing.recoveryTimeout());
    List<Comeback> waiting = new ArrayList<>(comeBack);
    Optional<Duration> recovered = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      waiting.removeIf(
          back -> {
            if (back.isBack()) {
              print(
                  back.name()
                      + " "
                      + back.how()
                      + " ("
                      + seconds(Duration.between(at, Instant.now()))
                      + " after the fault)");
              return true;
            }
            return false;
          });
      recovered = recoveredAfter(at, baseline);
      if (waiting.isEmpty() && recovered.isPresent()) {
        break;
      }
      sleep(Samples.PERIOD);
    }
    long peak = samples.backlogSince(at).stream().mapToLong(Samples.Backlog::value).max().orElse(0);
    String after = afterwards.get();
    if (!after.isEmpty()) {
      print(after);
      observed = observed.isEmpty() ? after : observed + "; " + after;
    }
    synchronized (this) {
      faults.add(
          new DisruptionReport.Fault(
              what, Duration.between(start, at), baseline, peak, recovered, observed));
      if (!waiting.isEmpty()) {
        problems.add(
            String.join(", ", waiting.stream().map(Comeback::name).toList())
                + " not back within "
                + pacing.recoveryTimeout().toSeconds()
                + " s of: "
                + what);
      }
      if (recovered.isEmpty()) {
        problems.add("the backlog never returned to " + baseline + " after: " + what);
      }
    }
    print(
        recovered
            .map(
                took ->
                    "recovered: backlog back to ≤ "
                        + baseline
                        + " (peak "
                        + peak
                        + ") "
                        + seconds(took)
                        + " after the fault")
            .orElse("NOT recovered within " + pacing.recoveryTimeout().toSeconds() + " s"));
  }

  private Optional<Duration> recoveredAfter(Instant at, long baseline) {
    return Samples.recoveredAfter(samples.backlogSince(at), at, baseline, pacing.settled());
  }

  private void print(String line) {
    Instant now = Instant.now();
    Duration offset = start == null ? Duration.ZERO : Duration.between(start, now);
    String text =
        String.format(Locale.ROOT, "chaos [+%6.1f s] %s", offset.toMillis() / 1000.0, line);
    log.debug(text);
    synchronized (out) {
      out.println((terminal ? "\r\033[K" : "") + text);
      out.flush();
    }
  }

  private static void signal(long pid, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
      kill.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("cannot kill -" + signal + " " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(0, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
