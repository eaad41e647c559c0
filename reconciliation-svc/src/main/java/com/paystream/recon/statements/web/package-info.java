/** HTTP upload of statement files: {@code POST /v1/statements}. */
package com.paystream.recon.statements.web;
