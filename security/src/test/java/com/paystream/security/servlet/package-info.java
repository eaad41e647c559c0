/** Tests of the servlet security over real HTTP. */
package com.paystream.security.servlet;
