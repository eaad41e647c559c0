/** The check that a service's served API description is the one committed under docs/api. */
package com.paystream.testkit.apidocs;
