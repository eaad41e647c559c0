package com.paystream.gateway.refunds;

/** What asking to reserve a refund comes to: the REQUESTED refund, or why it is declined. */
public sealed interface RefundReservation permits Refund, RefundResult.Declined {}
