/** Test support: a real database per test class, signed webhooks, payloads. */
package com.paystream.gateway.testsupport;
