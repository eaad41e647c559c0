/** The status query schedule in PostgreSQL: seeding, claiming due rows, finishing them. */
package com.paystream.gateway.statusquery.persistence;
