/** The break workflow: open breaks listed, closed by an operator with an audited reason. */
package com.paystream.recon.breaks;
