/**
 * Contract types every topic shares (envelope, payment status, posting side, entry type), generated
 * by Avro.
 */
package com.paystream.schemas.common;
