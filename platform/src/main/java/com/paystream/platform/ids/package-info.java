/** Typed identifiers, so that a payment id can never be passed where an account id is wanted. */
package com.paystream.platform.ids;
