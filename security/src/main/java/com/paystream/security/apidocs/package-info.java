/**
 * The API description every service serves at {@code /v3/api-docs}: its security schemes, who may
 * call each operation and the problem answers it can give, written once from the service's {@link
 * com.paystream.security.AccessRules} and its {@link
 * com.paystream.security.apidocs.ApiDescription}.
 */
package com.paystream.security.apidocs;
