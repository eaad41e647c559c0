package com.paystream.relay.operator.web;

import com.paystream.relay.operator.OperatorAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts every operator endpoint behind the token check; actuator endpoints stay as they are. */
@Configuration(proxyBeanMethods = false)
class OperatorWebConfiguration implements WebMvcConfigurer {

  private final OperatorAuthentication authentication;

  OperatorWebConfiguration(OperatorAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new OperatorInterceptor(authentication)).addPathPatterns("/v1/**");
  }
}
