/**
 * Every instance answers for the whole: its own partitions read locally, each other instance's
 * asked over HTTP with the caller's own credentials, the parts merged by the feature.
 */
package com.paystream.recon.instances;
