/** JUnit Jupiter access to the shared broker and database: {@code @RealInfrastructure}. */
package com.paystream.testkit.junit;
