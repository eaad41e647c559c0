/** Tests of the reactive security over real HTTP. */
package com.paystream.security.reactive;
