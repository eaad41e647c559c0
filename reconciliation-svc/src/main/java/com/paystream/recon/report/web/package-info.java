/** HTTP for reports: {@code GET /v1/reports/{date}}, {@code POST /v1/reports/{date}}. */
package com.paystream.recon.report.web;
