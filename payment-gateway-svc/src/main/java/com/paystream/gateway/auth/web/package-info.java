/** Names the caller of an API request from the security layer's authenticated actor. */
package com.paystream.gateway.auth.web;
