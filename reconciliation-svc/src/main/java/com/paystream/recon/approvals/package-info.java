/**
 * Four eyes: a change that needs a second operator is kept as a request and carried out, by the
 * feature that owns it ({@link com.paystream.recon.approvals.ApprovedAction}), only when a
 * different operator approves it before it expires.
 */
package com.paystream.recon.approvals;
