/**
 * The chaos day of cluster mode: faults on a printed timeline while the day trades, and what
 * recovering from each costs, read from the services' metrics.
 */
package com.paystream.local.chaos;
