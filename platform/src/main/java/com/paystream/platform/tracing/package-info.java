/** W3C trace context as the services store it and write it into Kafka headers: plain Java. */
package com.paystream.platform.tracing;
