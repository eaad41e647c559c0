/** Strict JSON reading for untrusted input: exact types, bounded strings, no floats for money. */
package com.paystream.gateway.support.json;
