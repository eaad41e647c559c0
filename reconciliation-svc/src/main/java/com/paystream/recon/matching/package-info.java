/** Matching, free of Kafka: per payment reference, statement lines netted against cashflow. */
package com.paystream.recon.matching;
