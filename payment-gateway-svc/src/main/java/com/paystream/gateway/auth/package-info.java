/** Who is calling the payments API: merchants, operators and auditors (see the security module). */
package com.paystream.gateway.auth;
