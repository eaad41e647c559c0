/**
 * Key management for admins. Keys live in the deployment's secret store as hashes, the same list in
 * every service; an admin lists them and mints new ones here.
 */
package com.paystream.gateway.keys;
