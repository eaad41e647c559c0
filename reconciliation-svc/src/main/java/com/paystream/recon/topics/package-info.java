/**
 * The catalogue topics reconciliation reads and writes, under the run's prefix, and their creation.
 */
package com.paystream.recon.topics;
