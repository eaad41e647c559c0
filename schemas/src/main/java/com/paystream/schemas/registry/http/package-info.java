/**
 * Serves any {@link com.paystream.schemas.registry.SchemaRegistry} over the read subset of the
 * Confluent Schema Registry REST API, so that standard Confluent-compatible tooling can decode the
 * topics: a framework-free handler plus a thin JDK {@code HttpServer} adapter.
 */
package com.paystream.schemas.registry.http;
