package io.catscores.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The api on a random port against the shared seeded database ({@link ApiTestDatabase}; a class may
 * register its own with {@code @DynamicPropertySource}). The per-client limit is off: test classes
 * share one app and one client address, so one class's requests must not decide another's answers
 * (MissLimiterIT and MissLimiterTest test the limit).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "api.limit.cache-misses-per-second=0")
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = ApiTestDatabase.Initializer.class)
public @interface ApiIT {}
