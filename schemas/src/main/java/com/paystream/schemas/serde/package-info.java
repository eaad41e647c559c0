/**
 * Kafka serializer, deserializer and serde for the generated Avro classes in Confluent wire format
 * (magic byte 0, 4-byte big-endian schema id, Avro binary).
 */
package com.paystream.schemas.serde;
