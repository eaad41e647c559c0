/** Talking to providers: the client port for creating, querying and refunding payments. */
package com.paystream.gateway.providers;
