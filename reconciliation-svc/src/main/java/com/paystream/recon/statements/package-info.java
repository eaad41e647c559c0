/** Statement ingestion: bank and provider files parsed into exact lines and published once. */
package com.paystream.recon.statements;
