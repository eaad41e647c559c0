/** Test support: the shared real infrastructure, topic readers and writers. */
package com.paystream.recon.support;
