package io.catscores.api.v1;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the v1 contract.
 *
 * @param faultInjection {@code API_FAULT_INJECTION}: answer {@code ?err=} with a 500 (a drill tool)
 */
@ConfigurationProperties("api.v1")
record V1Properties(boolean faultInjection) {}
