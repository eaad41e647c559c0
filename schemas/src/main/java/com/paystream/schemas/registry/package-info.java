/**
 * The schema-registry port (ids, subjects, versions of Avro schemas) and the build-time
 * compatibility gate; adapters live in the subpackages.
 */
package com.paystream.schemas.registry;
