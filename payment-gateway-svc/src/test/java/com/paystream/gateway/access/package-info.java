/** Who may call what on the gateway: route coverage, the authorization matrix, key management. */
package com.paystream.gateway.access;
