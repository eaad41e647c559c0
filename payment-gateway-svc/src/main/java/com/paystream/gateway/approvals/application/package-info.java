/** The four-eyes use cases: request, approve, reject, list. */
package com.paystream.gateway.approvals.application;
