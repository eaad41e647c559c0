/** The relay's one place where request values are read under the suite's input policy. */
package com.paystream.relay.input;
