/** API keys in PostgreSQL. */
package com.paystream.gateway.auth.persistence;
