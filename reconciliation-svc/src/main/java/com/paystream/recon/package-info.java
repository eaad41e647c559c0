/** Reconciles ledger cashflow against bank and provider statements. */
package com.paystream.recon;
