package com.paystream.local.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service of the local stack.
 *
 * @param name short name used for the log file and for extra arguments
 * @param module the Maven module (and artifactId) whose {@code -exec.jar} is run
 * @param port the HTTP port
 * @param args the Spring properties it is started with, as {@code --key=value}
 * @param api a hint at the main API, for the printed table
 * @param environment its secrets (passwords, signing secrets) as environment variables, never as
 *     arguments
 */
public record ServiceSpec(
    String name,
    String module,
    int port,
    List<String> args,
    String api,
    Map<String, String> environment) {

  public ServiceSpec {
    args = List.copyOf(args);
    environment = Map.copyOf(environment);
  }

  @Override
  public String toString() {
    return "ServiceSpec[" + name + ", port " + port + ", environment " + environment.keySet() + "]";
  }

  /** The same service under another name (one instance of several: {@code gateway-2}). */
  public ServiceSpec withName(String instanceName) {
    return new ServiceSpec(instanceName, module, port, args, api, environment);
  }

  public Path execJar(Path repoRoot, String version) {
    return repoRoot.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String readinessUrl() {
    return baseUrl() + "/actuator/health/readiness";
  }

  public String healthUrl() {
    return baseUrl() + "/actuator/health";
  }

  public String prometheusUrl() {
    return baseUrl() + "/actuator/prometheus";
  }
}
