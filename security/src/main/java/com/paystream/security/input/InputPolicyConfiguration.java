package com.paystream.security.input;

import com.paystream.platform.input.InputPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's one {@link InputPolicy}, from {@code paystream.input}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
public class InputPolicyConfiguration {

  @Bean
  InputPolicy inputPolicy(InputProperties properties) {
    return properties.policy();
  }
}
