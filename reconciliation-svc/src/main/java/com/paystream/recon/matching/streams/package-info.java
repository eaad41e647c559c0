/**
 * The matching topology on Kafka Streams: inputs re-keyed by payment reference, the matcher with
 * its persistent stores and deadline punctuator, results out, bad records dead-lettered.
 */
package com.paystream.recon.matching.streams;
