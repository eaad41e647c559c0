/** Corrections, the operator's tools: amendments and supplementary entries, and their ports. */
package com.paystream.gateway.corrections;
