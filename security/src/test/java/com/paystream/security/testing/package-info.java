/** Principals and keys for the services' tests (the security module's test jar). */
package com.paystream.security.testing;
