package com.paystream.local.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** What the live check needs of the running stack; the launcher provides it. */
public interface LiveStack {

  /** e.g. {@code http://127.0.0.1:9090} */
  String prometheusUrl();

  /** When Prometheus began scraping: range queries start here. */
  Instant observedSince();

  /** e.g. {@code http://127.0.0.1:8080} */
  String gatewayUrl();

  /** The repository, for the dashboards and the committed allow-list. */
  Path repositoryRoot();

  /** The log file of each child, by name ({@code gateway}, {@code kafka}, …). */
  Map<String, Path> logs();

  /**
   * Every secret the launcher generated or passed to a child, value by name (the name is what a
   * report may print).
   */
  Map<String, String> secrets();

  /** SIGSTOP to the ledger: it stays "running" to its supervisor, which restarts nothing. */
  void freezeLedger();

  /** SIGCONT to the ledger. */
  void resumeLedger();
}
