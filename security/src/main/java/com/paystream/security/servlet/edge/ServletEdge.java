package com.paystream.security.servlet.edge;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The servlet services' HTTP edge, imported with their security: the refusals of Spring MVC ({@link
 * EdgeProblems}), of Spring Security's firewall ({@link ProblemRequestRejectedHandler}), of Tomcat
 * before any servlet ({@link ProblemErrorReportValve}) and after one ({@link
 * ProblemErrorController}), a database that cannot be reached ({@link
 * DatabaseUnavailableProblems}), and the URL and header limits ({@link EdgeLimitsFilter}), all as
 * problem+json with a stable reason.
 */
@Configuration(proxyBeanMethods = false)
@Import({EdgeProblems.class, DatabaseUnavailableProblems.class, ProblemErrorController.class})
public class ServletEdge {

  /**
   * How much of request line and headers Tomcat reads at most; beyond it Tomcat answers a bare 400
   * itself. Well above {@link EdgeLimitsFilter}'s limits, so those answer with problem+json.
   */
  public static final int CONNECTOR_HEADER_BYTES = 64 * 1024;

  @Bean
  RequestRejectedHandler problemRequestRejectedHandler() {
    return new ProblemRequestRejectedHandler();
  }

  @Bean
  FilterRegistrationBean<EdgeLimitsFilter> edgeLimitsFilter() {
    FilterRegistrationBean<EdgeLimitsFilter> registration =
        new FilterRegistrationBean<>(new EdgeLimitsFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemTomcat() {
    return new ProblemTomcat();
  }

  /** Runs after Boot's own Tomcat customizer, so its header size is the one that counts. */
  static final class ProblemTomcat
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context ->
              ((StandardHost) context.getParent())
                  .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
      factory.addConnectorCustomizers(
          connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
              http.setMaxHttpRequestHeaderSize(CONNECTOR_HEADER_BYTES);
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
