/** Publishing the gateway's recorded callbacks and commands, re-delivering until confirmed. */
package com.paystream.relay.delivery;
