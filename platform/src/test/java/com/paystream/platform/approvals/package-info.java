/** Tests of the four-eyes rules. */
package com.paystream.platform.approvals;
