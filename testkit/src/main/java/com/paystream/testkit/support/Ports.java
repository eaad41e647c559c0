package com.paystream.testkit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class Ports {

  private Ports() {}

  /**
   * A port that was free a moment ago. Another process may still grab it before it is bound again;
   * on a test machine that race is rare enough to accept, and the alternative (binding sockets and
   * handing them over) is not possible with either the broker or PostgreSQL.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  /** The given port, or a free one when it is 0. */
  public static int orFree(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    return port == 0 ? freePort() : port;
  }
}
