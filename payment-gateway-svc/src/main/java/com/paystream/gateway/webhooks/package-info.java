/** Provider webhooks: signature dialects, payload parsers, and the intake that records them. */
package com.paystream.gateway.webhooks;
