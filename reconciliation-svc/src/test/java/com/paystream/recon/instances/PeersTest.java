package com.paystream.recon.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The fan-out against real HTTP servers standing in for the other instances. */
class PeersTest {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final PeerRequest REQUEST =
      new PeerRequest(
          "/v1/breaks?limit=5&scope=local", Optional.of("Bearer psk_caller"), Optional.of("req-1"));

  private final Peers peers = new Peers(JsonMapper.builder().build(), TIMEOUT);
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void asksEachInstanceOnceAsTheCallerAndConcatenatesTheirParts() throws IOException {
    List<String> seen = new CopyOnWriteArrayList<>();
    String one = answering(200, "[\"a\",\"b\"]", seen);
    String two = answering(200, "[\"c\"]", seen);

    assertThat(peers.ask(List.of(one, two), REQUEST, STRINGS)).containsExactly("a", "b", "c");
    assertThat(seen)
        .containsExactly(
            "/v1/breaks?limit=5&scope=local Bearer psk_caller req-1",
            "/v1/breaks?limit=5&scope=local Bearer psk_caller req-1");
  }

  @Test
  void anInstanceThatIsRebalancingMakesTheWholeUnavailable() throws IOException {
    String fine = answering(200, "[\"a\"]", new CopyOnWriteArrayList<>());
    String rebalancing = answering(503, "{}", new CopyOnWriteArrayList<>());

    assertThatThrownBy(() -> peers.ask(List.of(fine, rebalancing), REQUEST, STRINGS))
        .isInstanceOf(InstancesUnavailableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void anInstanceThatRefusesTheCallerMakesTheWholeUnavailableNotSmaller() throws IOException {
    String refusing = answering(401, "{}", new CopyOnWriteArrayList<>());

    assertThatThrownBy(() -> peers.ask(List.of(refusing), REQUEST, STRINGS))
        .isInstanceOf(InstancesUnavailableException.class)
        .hasMessageContaining("401");
  }

  @Test
  void aSilentInstanceIsGivenUpWithinTheTimeout() throws IOException {
    String silent = silent();
    long startNanos = System.nanoTime();

    assertThatThrownBy(() -> peers.ask(List.of(silent), REQUEST, STRINGS))
        .isInstanceOf(InstancesUnavailableException.class)
        .hasMessageContaining("did not answer in time");
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void anInstanceThatIsNotThereMakesTheWholeUnavailable() throws IOException {
    HttpServer gone = server();
    String address = address(gone);
    gone.stop(0);

    assertThatThrownBy(() -> peers.ask(List.of(address), REQUEST, STRINGS))
        .isInstanceOf(InstancesUnavailableException.class);
  }

  @Test
  void anUnreadablePartMakesTheWholeUnavailable() throws IOException {
    String garbled = answering(200, "{\"not\":\"a list\"}", new CopyOnWriteArrayList<>());

    assertThatThrownBy(() -> peers.ask(List.of(garbled), REQUEST, STRINGS))
        .isInstanceOf(InstancesUnavailableException.class);
  }

  @Test
  void noOtherInstancesNoParts() {
    assertThat(peers.ask(List.of(), REQUEST, STRINGS)).isEmpty();
  }

  private String answering(int status, String body, List<String> seen) throws IOException {
    HttpServer server = server();
    server.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Request-Id"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    return address(server);
  }

  private String silent() throws IOException {
    HttpServer server = server();
    server.createContext(
        "/",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    return address(server);
  }

  private HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    servers.add(server);
    return server;
  }

  private static String address(HttpServer server) {
    return "127.0.0.1:" + server.getAddress().getPort();
  }
}
