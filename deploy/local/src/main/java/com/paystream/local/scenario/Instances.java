package com.paystream.local.scenario;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instances behind each service, as a client-side load balancer sees them: a request addressed
 * to any instance of a service goes to the next one in turn, and a request that cannot reach one is
 * tried on the next. The phases keep addressing a service by one base URL; only the origin ({@code
 * scheme://host:port}) is exchanged.
 */
final class Instances {

  private final Map<String, Group> byOrigin = new HashMap<>();

  Instances(DayScenario.Services services) {
    for (List<String> instances : services.all()) {
      Group group = new Group(instances.stream().map(Instances::origin).toList());
      group.origins.forEach(origin -> byOrigin.put(origin, group));
    }
  }

  /** A service whose instances take turns; a URL of no known service is used as it is. */
  private record Group(List<String> origins, AtomicLong next) {
    Group(List<String> origins) {
      this(List.copyOf(origins), new AtomicLong());
    }
  }

  /**
   * The URIs to try for one request, the next instance in turn first and then the others: a request
   * that meets a refused connection or a 5xx moves on to the next.
   */
  List<URI> candidates(URI uri) {
    Group group = byOrigin.get(origin(uri.toString()));
    if (group == null || group.origins.size() == 1) {
      return List.of(uri);
    }
    int size = group.origins.size();
    int first = (int) Math.floorMod(group.next.getAndIncrement(), (long) size);
    String rest = uri.toString().substring(origin(uri.toString()).length());
    return java.util.stream.IntStream.range(0, size)
        .mapToObj(i -> URI.create(group.origins.get((first + i) % size) + rest))
        .toList();
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
