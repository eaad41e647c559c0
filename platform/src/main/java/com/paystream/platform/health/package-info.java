/** Checks of what a service cannot work without, for its readiness probe; no framework types. */
package com.paystream.platform.health;
