package com.paystream.schemas.support;

import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** A real registry, with counts of the calls made to it (to prove caching). */
public final class CountingRegistry implements SchemaRegistry {

  private final SchemaRegistry delegate;
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger byIds = new AtomicInteger();

  public CountingRegistry(SchemaRegistry delegate) {
    this.delegate = delegate;
  }

  public int lookups() {
    return lookups.get();
  }

  public int byIds() {
    return byIds.get();
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    lookups.incrementAndGet();
    return delegate.lookup(subject, schema);
  }

  @Override
  public Schema byId(int id) {
    byIds.incrementAndGet();
    return delegate.byId(id);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return delegate.version(subject, version);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return delegate.latest(subject);
  }
}
