/** Developer tooling for evolving the contracts: freezing a schema version into the manifest. */
package com.paystream.schemas.evolution;
