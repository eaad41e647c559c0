/** The bad-input corpus: every endpoint that takes input, refused as a problem with a reason. */
package com.paystream.recon.web;
