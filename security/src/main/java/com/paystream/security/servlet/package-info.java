/** Spring Security for the servlet services (relay, ledger, reconciliation). */
package com.paystream.security.servlet;
