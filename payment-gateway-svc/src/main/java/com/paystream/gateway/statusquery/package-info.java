/** Active status queries, the lost-order defence: ask the provider about open payments. */
package com.paystream.gateway.statusquery;
