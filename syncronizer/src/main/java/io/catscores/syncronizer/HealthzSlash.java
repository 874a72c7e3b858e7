package io.catscores.syncronizer;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * The old syncronizer's and API's health check was {@code /healthz/}: probes written for them keep
 * working, answered like {@code /healthz} without a redirect (HealthIT).
 */
@Configuration(proxyBeanMethods = false)
class HealthzSlash {

  @Bean
  FilterRegistrationBean<Filter> healthzTrailingSlash() {
    var registration =
        new FilterRegistrationBean<Filter>(
            UrlHandlerFilter.trailingSlashHandler("/healthz/**").wrapRequest().build());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
