/**
 * Cluster mode: three KRaft brokers in one quorum and two instances of every service, as the local
 * stack ({@code --cluster}) and the end-to-end tests start them.
 */
package com.paystream.local.cluster;
