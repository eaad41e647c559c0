/**
 * Client for the read side of the Confluent Schema Registry REST API (Confluent SR, Apicurio
 * ccompat, Karapace, Redpanda), for deployments with a real registry.
 */
package com.paystream.schemas.registry.rest;
