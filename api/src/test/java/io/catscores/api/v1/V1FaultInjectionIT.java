package io.catscores.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.catscores.api.OkBody;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The old API's error drill, switched on: {@code ?err=} answers 500 with the old body, counted in
 * {@code api_injected_faults_total}. Off (the default), err is an unknown parameter: V1ContractIT.
 */
@ApiIT
@TestPropertySource(properties = "api.v1.fault-injection=true")
class V1FaultInjectionIT {

  @Autowired WebTestClient web;

  @Test
  void errAnswers500WithTheOldBodyAndIsCounted() {
    double before = injectedFaults();
    web.get()
        .uri("/api/v1/breeds/?err=drill")
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .json("{\"message\": \"error request: drill\"}", true);
    assertThat(injectedFaults()).isEqualTo(before + 1);
  }

  @Test
  void aFilterStillWinsOverErr() {
    double before = injectedFaults();
    web.get().uri("/api/v1/breeds/?origin=Egypt&err=drill").exchange().expectStatus().isOk();
    assertThat(injectedFaults()).isEqualTo(before);
  }

  private double injectedFaults() {
    return OkBody.of(web, "/metrics")
        .lines()
        .filter(line -> line.startsWith("api_injected_faults_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }
}
