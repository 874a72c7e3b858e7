package io.catscores.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Test clients open a new connection per request. Reused keep-alive connections to the api
 * intermittently stall (about 1 request in 100, on every route, the actuator's included; see
 * doc/known-issues.md); until that is fixed the tests must not fail on it at random.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoKeepAliveClient {

  @Bean
  WebTestClientBuilderCustomizer freshConnectionPerRequest() {
    return builder ->
        builder.clientConnector(
            new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
  }
}
