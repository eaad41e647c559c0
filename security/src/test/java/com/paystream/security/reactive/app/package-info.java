/** A tiny WebFlux application with the module's security, used by the reactive tests only. */
package com.paystream.security.reactive.app;
