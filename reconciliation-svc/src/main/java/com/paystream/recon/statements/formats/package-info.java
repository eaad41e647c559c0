/** The parsers of the three statement formats: provider CSV, camt.053 and MT940 (Prowide). */
package com.paystream.recon.statements.formats;
