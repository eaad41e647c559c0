/**
 * The transactional outbox of this service: statement lines and manual resolutions are written with
 * their database change and shipped to Kafka after commit by the platform's publisher.
 */
package com.paystream.recon.outbox;
