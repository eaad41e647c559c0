/**
 * Child processes of the launcher: started in their own process group behind a lifeline, watched,
 * restarted with a bounded backoff, and stopped in order.
 */
package com.paystream.local.process;
