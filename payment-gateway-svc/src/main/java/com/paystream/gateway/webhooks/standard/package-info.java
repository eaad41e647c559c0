/** Standard Webhooks (standardwebhooks.com): the dialect, its signer and the payload parser. */
package com.paystream.gateway.webhooks.standard;
