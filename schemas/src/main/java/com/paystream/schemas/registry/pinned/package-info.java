/**
 * The pinned registry: schema versions frozen in this module with fixed ids, listed in {@code
 * registry/manifest.json} on the classpath; the default registry of the suite.
 */
package com.paystream.schemas.registry.pinned;
