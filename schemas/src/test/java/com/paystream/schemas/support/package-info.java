/** Test helpers: decorators that count calls to a real registry. */
package com.paystream.schemas.support;
