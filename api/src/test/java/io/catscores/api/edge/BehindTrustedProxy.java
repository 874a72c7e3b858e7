package io.catscores.api.edge;

import io.catscores.api.ApiTestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The api over real HTTP behind a trusted proxy (the test itself, in the trusted network
 * 127.0.0.0/8) with a tight per-client miss limit; one context for every test class so annotated
 * (MissLimiterIT, ForwardedOriginIT).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "api.limit.cache-misses-per-second=0.1",
      "api.limit.cache-miss-burst=3",
      "api.limit.trusted-proxies=127.0.0.0/8"
    })
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = ApiTestDatabase.Initializer.class)
@interface BehindTrustedProxy {}
