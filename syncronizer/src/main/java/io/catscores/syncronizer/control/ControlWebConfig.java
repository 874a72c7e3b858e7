package io.catscores.syncronizer.control;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ControlWebConfig implements WebMvcConfigurer {

  private final ControlProperties properties;

  ControlWebConfig(ControlProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AdminTokenInterceptor(properties))
        .addPathPatterns(SyncJobsController.BASE + "/**");
  }
}
