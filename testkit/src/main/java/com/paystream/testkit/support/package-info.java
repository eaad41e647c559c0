/** Small helpers shared by the broker and the database: ports, directories, process arguments. */
package com.paystream.testkit.support;
