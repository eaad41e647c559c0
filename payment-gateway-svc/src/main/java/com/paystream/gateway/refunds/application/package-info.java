/** The refund use case: reserve under the payment's lock, ask the provider, record the outcome. */
package com.paystream.gateway.refunds.application;
