/** The corrections use case: amend or supplement a payment in one transaction under its lock. */
package com.paystream.gateway.corrections.application;
