/** The suite's one input policy: what a request may carry before any use case sees it. */
package com.paystream.platform.input;
