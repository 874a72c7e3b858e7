package io.catscores.api.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class WebConfig {

  /**
   * The Flask API answered /api/v1/breeds/ and /api/v1/breeds alike; keep both working, without a
   * redirect, for every endpoint.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  WebFilter trailingSlash() {
    return UrlHandlerFilter.trailingSlashHandler("/api/**").mutateRequest().build();
  }
}
