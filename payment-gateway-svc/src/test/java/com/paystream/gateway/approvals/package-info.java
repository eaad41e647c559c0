/** Four eyes end to end: requests, approvals, rejections, expiry, races. */
package com.paystream.gateway.approvals;
