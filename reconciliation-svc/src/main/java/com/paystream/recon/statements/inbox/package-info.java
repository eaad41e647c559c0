/** The watched directory: statement files dropped there are ingested, then moved aside. */
package com.paystream.recon.statements.inbox;
