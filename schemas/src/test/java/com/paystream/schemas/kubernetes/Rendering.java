package com.paystream.schemas.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The resources of one {@code kubectl kustomize} rendering, as plain maps.
 *
 * @param file where the rendering was read from, for messages
 * @param resources every document of it
 */
record Rendering(Path file, List<Map<String, Object>> resources) {

  Rendering {
    Objects.requireNonNull(file, "file");
    resources = List.copyOf(resources);
  }

  static Rendering read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Rendering(
          file, documents(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)));
    }
  }

  /** A rendering from text (tests of the checks). */
  static Rendering parse(String name, String yaml) {
    return new Rendering(
        Path.of(name), documents(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Iterable<Object> documents) {
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object document : documents) {
      if (document instanceof Map<?, ?> map) {
        resources.add((Map<String, Object>) map);
      }
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException("no resources");
    }
    return resources;
  }

  /** This rendering with {@code more} resources. */
  Rendering with(Rendering more) {
    List<Map<String, Object>> all = new ArrayList<>(resources);
    all.addAll(more.resources());
    return new Rendering(file, all);
  }

  List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  Optional<Map<String, Object>> named(String kind, String name) {
    return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
  }

  static String name(Map<String, Object> resource) {
    return string(resource, "metadata.name").orElse("?");
  }

  static String id(Map<String, Object> resource) {
    return resource.get("kind") + "/" + name(resource);
  }

  /** The value at a dotted path of nested maps, if every step is there. */
  static Optional<Object> at(Object node, String path) {
    Object current = node;
    for (String step : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
        return Optional.empty();
      }
      current = map.get(step);
    }
    return Optional.ofNullable(current);
  }

  static Optional<String> string(Object node, String path) {
    return at(node, path).map(String::valueOf);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String path) {
    return at(node, path)
        .filter(Map.class::isInstance)
        .map(v -> (Map<String, Object>) v)
        .orElse(Map.of());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node, String path) {
    return at(node, path)
        .filter(List.class::isInstance)
        .map(
            v ->
                ((List<Object>) v)
                    .stream()
                        .filter(Map.class::isInstance)
                        .map(e -> (Map<String, Object>) e)
                        .toList())
        .orElse(List.of());
  }
}
