package io.catscores.syncronizer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The syncronizer on a random port against a fresh database of its own and the shared Redis ({@link
 * SyncronizerTestServers}), with nothing scheduled and no Pub/Sub bridge: the test drives the jobs.
 * A class adds what is special about it ({@code @TestPropertySource}, or its own servers with
 * {@code @DynamicPropertySource}, which win).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sync.scheduled=false", "scores.scheduled=false", "scores.bridge-enabled=false"})
@ContextConfiguration(initializers = SyncronizerTestServers.class)
public @interface SyncronizerIT {}
