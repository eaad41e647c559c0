package com.paystream.e2e;

/** Where a running suite's services answer, by service name (gateway, relay, ledger, …). */
interface ServiceUrls {

  String baseUrl(String service);
}
