/** The demo payment provider of the local stack: its webhook secret and a signed test callback. */
package com.paystream.local.demo;
