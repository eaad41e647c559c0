/** Who is calling: merchant and operator API keys (stored hashed) and the callers they prove. */
package com.paystream.gateway.auth;
