/**
 * The suite's input policy as the ledger's HTTP API applies it, and every refusal of that API as
 * RFC 9457 problem+json with a stable {@code reason}.
 */
package com.paystream.ledger.input.web;
