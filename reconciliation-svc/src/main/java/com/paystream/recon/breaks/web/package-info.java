/** HTTP for breaks: {@code GET /v1/breaks}, {@code POST /v1/breaks/{breakId}/resolution}. */
package com.paystream.recon.breaks.web;
