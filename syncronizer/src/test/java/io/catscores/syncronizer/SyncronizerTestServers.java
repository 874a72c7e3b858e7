package io.catscores.syncronizer;

import io.catscores.devstack.PostgresServer;
import io.catscores.devstack.SharedServers;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * A fresh database on the shared PostgreSQL and the shared Redis for each {@link SyncronizerIT}
 * context; below a class's own {@code @DynamicPropertySource}, so that one wins.
 */
public final class SyncronizerTestServers
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String DYNAMIC = "Dynamic Test Properties";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String url = SharedServers.freshDatabase("it");
    var source =
        new MapPropertySource(
            "syncronizerTestServers",
            Map.of(
                "spring.datasource.url",
                url,
                "spring.datasource.username",
                PostgresServer.SUPERUSER,
                "redis.port",
                SharedServers.redis().port()));
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    if (sources.contains(DYNAMIC)) {
      sources.addAfter(DYNAMIC, source);
    } else {
      sources.addFirst(source);
    }
  }
}
