/** HTTP adapter of four eyes: {@code /v1/approvals}. */
package com.paystream.gateway.approvals.web;
