package com.paystream.schemas.registry.http;

import com.paystream.schemas.registry.SchemaRegistry;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's built-in {@link HttpServer} in front of a {@link ConfluentRegistryHttpHandler}: enough
 * for tests and the local stack without any web framework.
 */
public final class ConfluentRegistryHttpServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body as two segments; with Nagle on, the body waits for
    // the client's delayed ACK (~40 ms per request). The property is read once per JVM, so it is
    // set before the first server is created, unless someone chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Larger request bodies are refused: a schema lookup is a few kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;

  private ConfluentRegistryHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves {@code registry} on {@code address} (port 0: a free one) until closed. */
  public static ConfluentRegistryHttpServer start(
      SchemaRegistry registry, InetSocketAddress address) {
    ConfluentRegistryHttpHandler handler = new ConfluentRegistryHttpHandler(registry);
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            task -> {
              Thread thread = new Thread(task, "schema-registry-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/", exchange -> respond(handler, exchange));
    server.setExecutor(executor);
    server.start();
    return new ConfluentRegistryHttpServer(server, executor);
  }

  /** The address clients use, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    InetSocketAddress bound = server.getAddress();
    InetAddress host =
        bound.getAddress().isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress()
            : bound.getAddress();
    return URI.create("http://" + host.getHostAddress() + ":" + bound.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(ConfluentRegistryHttpHandler handler, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      ConfluentRegistryHttpHandler.Response response =
          body.length > MAX_BODY_BYTES
              ? new ConfluentRegistryHttpHandler.Response(
                  413, "{\"error_code\":413,\"message\":\"Request body too large\"}")
              : handler.handle(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  new String(body, StandardCharsets.UTF_8));
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", ConfluentRegistryHttpHandler.CONTENT_TYPE);
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
