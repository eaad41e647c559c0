package com.paystream.security.input;

import com.paystream.platform.input.InputPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * The service's one {@link InputPolicy}, from {@code paystream.input}, and the strictness every
 * service reads JSON bodies with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
public class InputPolicyConfiguration {

  @Bean
  InputPolicy inputPolicy(InputProperties properties) {
    return properties.policy();
  }

  /**
   * JSON bodies are read strictly: {@code 1.5} is never read as {@code 1} into a whole-number
   * field, and a key given twice is refused rather than the last one silently winning.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
  static class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
      return builder ->
          builder
              .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
  }
}
