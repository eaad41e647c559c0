/** HTTP API of holds: place, read, capture, release. */
package com.paystream.ledger.holds.web;
