package com.paystream.security.apidocs;

import com.paystream.security.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Adds the shared description to any service that serves one (springdoc on its class path) and
 * declares its access rules. A service without an {@link ApiDescription} bean is named after {@code
 * spring.application.name}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnBean(AccessRules.class)
public class ApiDocsAutoConfiguration {

  @Bean
  ApiDocsCustomizer paystreamApiDocs(
      AccessRules rules,
      ObjectProvider<ApiDescription> description,
      org.springframework.core.env.Environment environment) {
    return new ApiDocsCustomizer(
        rules,
        description.getIfAvailable(
            () ->
                ApiDescription.builder(
                        environment.getProperty("spring.application.name", "paystream"), "")
                    .build()));
  }
}
