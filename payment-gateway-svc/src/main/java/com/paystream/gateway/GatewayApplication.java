package com.paystream.gateway;

import com.paystream.security.reactive.ReactiveSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Edge service: payments API and provider webhooks, durable before acknowledged. */
@SpringBootApplication
@Import(ReactiveSecurity.class)
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
