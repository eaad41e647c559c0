/** HTTP for four eyes: list, read, approve and reject requests ({@code /v1/approvals}). */
package com.paystream.recon.approvals.web;
