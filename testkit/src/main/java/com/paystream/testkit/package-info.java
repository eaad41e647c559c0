/**
 * Real infrastructure for tests and the local stack: one Kafka broker and one PostgreSQL per JVM.
 */
package com.paystream.testkit;
