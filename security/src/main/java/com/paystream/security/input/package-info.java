/** The input policy's settings ({@code paystream.input}) and its one bean per service. */
package com.paystream.security.input;
