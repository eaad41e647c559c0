/**
 * Four eyes (maker-checker): an operator's change that needs a second operator is recorded as a
 * request and takes effect only when a different operator approves it before it expires. The rules
 * here are pure; each service keeps its requests and decisions append-only in its database.
 */
package com.paystream.platform.approvals;
