package com.paystream.schemas.registry.pinned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The list of frozen versions: per subject, each version with its fixed id and the file (relative
 * to the manifest) that holds the full, self-contained schema of that version.
 */
public record Manifest(String about, List<Manifest.Subject> subjects) {

  /** A subject and its versions, oldest first. */
  public record Subject(String subject, List<Version> versions) {
    public Subject {
      Objects.requireNonNull(subject, "subject");
      versions = List.copyOf(versions);
    }
  }

  /** One frozen version: number, global id and schema file. */
  public record Version(int version, int id, String file) {
    public Version {
      Objects.requireNonNull(file, "file");
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Manifest {
    subjects = List.copyOf(subjects);
  }

  /** Parses a manifest; unknown properties are errors, so a typo cannot silently drop a version. */
  public static Manifest read(InputStream in) throws IOException {
    return JSON.readValue(in, Manifest.class);
  }

  /** Writes the manifest as indented JSON, subjects ordered by their first id. */
  public void write(Path file) {
    try {
      Files.writeString(file, JSON.writeValueAsString(this) + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** This manifest with {@code version} appended to {@code subject} (created when new). */
  public Manifest withVersion(String subject, Version version) {
    List<Subject> updated = new ArrayList<>();
    boolean found = false;
    for (Subject existing : subjects) {
      if (existing.subject().equals(subject)) {
        List<Version> versions = new ArrayList<>(existing.versions());
        versions.add(version);
        updated.add(new Subject(subject, versions));
        found = true;
      } else {
        updated.add(existing);
      }
    }
    if (!found) {
      updated.add(new Subject(subject, List.of(version)));
    }
    updated.sort(Comparator.comparingInt(s -> s.versions().get(0).id()));
    return new Manifest(about, updated);
  }
}
