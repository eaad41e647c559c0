/** Real PostgreSQL 17 from the zonky embedded binaries, in a child process of this JVM. */
package com.paystream.testkit.postgres;
