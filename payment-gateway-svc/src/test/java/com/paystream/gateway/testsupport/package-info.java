/** Test support: a real database per test class, signed webhooks, payloads, the wired simulator. */
package com.paystream.gateway.testsupport;
