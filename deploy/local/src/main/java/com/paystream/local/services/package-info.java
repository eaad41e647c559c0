/**
 * The four services of the local stack and the command-line properties each one is started with.
 */
package com.paystream.local.services;
