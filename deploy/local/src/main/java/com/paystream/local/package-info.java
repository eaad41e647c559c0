/**
 * The local stack launcher: one command that runs a broker, PostgreSQL and the four services as
 * separate, supervised processes on fixed local ports.
 */
package com.paystream.local;
