/**
 * Four eyes: an operator's action that needs a second operator is kept as a request and carried out
 * only when a different operator approves it before it expires (platform's FourEyes rules).
 */
package com.paystream.gateway.approvals;
