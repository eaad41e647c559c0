/** Tests of answering for the whole across instances: merging, the fan-out, two real instances. */
package com.paystream.recon.instances;
