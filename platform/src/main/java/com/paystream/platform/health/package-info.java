/** Checks of what a service cannot work without, for its readiness probe. */
package com.paystream.platform.health;
