package io.catscores.syncronizer.control;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ControlWebConfig implements WebMvcConfigurer {

  private final ControlProperties properties;
  private final MeterRegistry meters;

  ControlWebConfig(ControlProperties properties, MeterRegistry meters) {
    this.properties = properties;
    this.meters = meters;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AdminTokenInterceptor(properties, meters))
        .addPathPatterns(JobsController.BASE + "/**", DeadLettersController.BASE + "/**");
  }
}
