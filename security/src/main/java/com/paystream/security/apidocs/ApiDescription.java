package com.paystream.security.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service says about its own API beyond what the access rules and its handlers tell: a title
 * and summary, the problem answers each operation can give besides the ones every operation shares
 * (400 for bad input, 401 and 403 where a role is required), and the operations a signature proves
 * instead of a bearer (provider webhooks). Each service declares one bean.
 *
 * @param problems by operation ({@code "POST /v1/payments/{id}/refunds"}), the further statuses it
 *     answers with a problem body
 * @param signed by operation, the headers whose signature proves the caller
 */
public record ApiDescription(
    String title,
    String summary,
    Map<String, Set<Integer>> problems,
    Map<String, List<String>> signed) {

  public ApiDescription {
    problems = Map.copyOf(problems);
    signed = Map.copyOf(signed);
  }

  public static Builder builder(String title, String summary) {
    return new Builder(title, summary);
  }

  /** The further problem statuses of one operation; none when it declares none. */
  public Set<Integer> problemsOf(String method, String path) {
    return problems.getOrDefault(key(method, path), Set.of());
  }

  /** The signature headers proving one operation's caller; empty for bearer or public ones. */
  public List<String> signatureHeadersOf(String method, String path) {
    return signed.getOrDefault(key(method, path), List.of());
  }

  /** An operation's key; path variables are matched by position, whatever their names. */
  static String key(String method, String path) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  static String key(String operation) {
    int space = operation.indexOf(' ');
    return key(operation.substring(0, space), operation.substring(space + 1));
  }

  /** Collects one service's declarations. */
  public static final class Builder {

    private final String title;
    private final String summary;
    private final Map<String, Set<Integer>> problems = new LinkedHashMap<>();
    private final Map<String, List<String>> signed = new LinkedHashMap<>();

    private Builder(String title, String summary) {
      this.title = title;
      this.summary = summary;
    }

    /**
     * An operation's further problem answers (404, 409, 422, 413, 415, 503 ...), for example {@code
     * answers("POST /v1/payments/{id}/refunds", 404, 409, 422)}.
     */
    public Builder answers(String operation, int... statuses) {
      Set<Integer> known = problems.computeIfAbsent(key(operation), any -> new TreeSet<>());
      for (int status : statuses) {
        known.add(status);
      }
      return this;
    }

    /** An operation proved by a signature over these headers rather than by a bearer. */
    public Builder signedBy(String operation, String... headers) {
      signed.put(key(operation), new ArrayList<>(List.of(headers)));
      return this;
    }

    /**
     * The four-eyes requests every service serves the same way under {@code /v1/approvals}: an
     * unknown request is 404; deciding one already decided, expired or no longer possible is 409
     * (deciding one's own is 403, which every operation with a role may answer anyway).
     */
    public Builder fourEyesApprovals() {
      answers("GET /v1/approvals/{id}", 404);
      answers("POST /v1/approvals/{id}/approve", 404, 409);
      return answers("POST /v1/approvals/{id}/reject", 404, 409);
    }

    public ApiDescription build() {
      return new ApiDescription(title, summary, problems, signed);
    }
  }
}
