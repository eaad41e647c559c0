/** Spring Security for the reactive service (gateway). */
package com.paystream.security.reactive;
