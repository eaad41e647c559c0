/** A tiny servlet application with the module's security, used by the servlet tests only. */
package com.paystream.security.servlet.app;
