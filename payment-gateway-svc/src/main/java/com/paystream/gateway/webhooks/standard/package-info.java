/**
 * Standard Webhooks (standardwebhooks.com): the signature dialect, its signer for tests, the
 * simulator and benchmarks, and the payload parser.
 */
package com.paystream.gateway.webhooks.standard;
