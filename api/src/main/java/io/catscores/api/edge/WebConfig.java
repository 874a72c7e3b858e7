package io.catscores.api.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

@Configuration(proxyBeanMethods = false)
class WebConfig {

  /** {@link ApiFront} before WebFlux: telemetry for every request, cache hits answered there. */
  @Bean
  WebHttpHandlerBuilderCustomizer apiFront(
      RequestTelemetry telemetry,
      ResponseCache cache,
      Cors cors,
      MissLimiter limiter,
      TrustedProxies proxies) {
    return builder ->
        builder.httpHandlerDecorator(
            webFlux -> new ApiFront(webFlux, telemetry, cache, cors, limiter, proxies));
  }

  /** Odd characters in a request line are escaped before Spring parses its URI. */
  @Bean
  NettyServerCustomizer requestTargetRepair() {
    return server ->
        server.doOnChannelInit(
            (observer, channel, address) ->
                channel
                    .pipeline()
                    .addAfter(
                        NettyPipeline.HttpCodec,
                        "catscores.requestTargetRepair",
                        RequestTargetRepair.INSTANCE));
  }

  /** Read once, for the client's address (MissLimiter) and the origin it used (ApiFront). */
  @Bean
  TrustedProxies trustedProxies(LimitProperties limits) {
    return TrustedProxies.of(limits.trustedProxies());
  }
}
