/** Internal reconciliation: each succeeded callback has one journal entry of its amount. */
package com.paystream.recon.matching.internal;
