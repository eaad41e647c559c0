/** The gateway's input policy as a caller meets it: every endpoint against every bad input. */
package com.paystream.gateway.input;
