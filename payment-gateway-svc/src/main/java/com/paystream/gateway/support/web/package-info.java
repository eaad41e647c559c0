/** HTTP helpers shared by the gateway's web adapters: RFC 9457 problem answers. */
package com.paystream.gateway.support.web;
