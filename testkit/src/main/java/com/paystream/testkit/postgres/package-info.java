/**
 * Real PostgreSQL 17 from the zonky embedded binaries, in a child process of this JVM: primaries
 * that archive their WAL, base backups with the low-level API, streaming standbys (real-time,
 * synchronous or delayed) and the promotion of a delayed standby at a chosen instant.
 */
package com.paystream.testkit.postgres;
