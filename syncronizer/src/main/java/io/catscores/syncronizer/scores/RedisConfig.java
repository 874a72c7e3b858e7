package io.catscores.syncronizer.scores;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Lettuce client. It reconnects by itself after a Redis restart; commands issued meanwhile fail
 * fast (rejected, not queued), so a drain firing fails and the next one resumes.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

  @Bean(destroyMethod = "shutdown")
  RedisClient redisClient(RedisProperties settings) {
    RedisClient client =
        RedisClient.create(
            RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withTimeout(settings.commandTimeout())
                .build());
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .build());
    return client;
  }
}
