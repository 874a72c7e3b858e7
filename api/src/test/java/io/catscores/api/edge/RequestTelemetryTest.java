package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.SignalType;

class RequestTelemetryTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RequestTelemetry telemetry = new RequestTelemetry(meters, false);

  private long count(String uri, String method, String status) {
    var timer =
        meters
            .find("http.server.requests")
            .tag("uri", uri)
            .tag("method", method)
            .tag("status", status)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  private double inFlight() {
    return meters.get("http.server.requests.in.flight").gauge().value();
  }

  @Test
  void labelsByRouteTemplateAndCountsInFlight() {
    var request = MockServerHttpRequest.get("/api/v2/breeds/abys").build();
    var response = new MockServerHttpResponse();
    RequestRecord record = telemetry.start(request);
    record.route("/api/v2/breeds/{id}");
    assertThat(inFlight()).isEqualTo(1);
    response.setStatusCode(HttpStatus.OK);
    telemetry.finish(record, request, response, SignalType.ON_COMPLETE);

    assertThat(inFlight()).isZero();
    assertThat(count("/api/v2/breeds/{id}", "GET", "200")).isEqualTo(1);
    assertThat(
            meters
                .get("http.server.requests")
                .tag("uri", "/api/v2/breeds/{id}")
                .tag("outcome", "SUCCESS")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aClientThatLeavesBeforeItsAnswerIs499() {
    var request = MockServerHttpRequest.get("/api/v2/games").build();
    var response = new MockServerHttpResponse();
    telemetry.finish(telemetry.start(request), request, response, SignalType.CANCEL);
    assertThat(count("UNKNOWN", "GET", "499")).isEqualTo(1);
  }

  @Test
  void anErrorNothingHandledIs500() {
    var request = MockServerHttpRequest.get("/api/v2/games").build();
    var response = new MockServerHttpResponse();
    telemetry.finish(telemetry.start(request), request, response, SignalType.ON_ERROR);
    assertThat(count("UNKNOWN", "GET", "500")).isEqualTo(1);
    assertThat(inFlight()).isZero();
  }

  @Test
  void unknownRoutesAndMethodsDoNotMakeNewLabels() {
    var odd = MockServerHttpRequest.method(HttpMethod.valueOf("BREW"), "/coffee/1").build();
    var response = new MockServerHttpResponse();
    response.setStatusCode(HttpStatus.NOT_FOUND);
    telemetry.finish(telemetry.start(odd), odd, response, SignalType.ON_COMPLETE);
    var other = MockServerHttpRequest.method(HttpMethod.valueOf("PROPFIND"), "/coffee/2").build();
    telemetry.finish(telemetry.start(other), other, response, SignalType.ON_COMPLETE);

    assertThat(count("NOT_FOUND", "UNKNOWN", "404")).isEqualTo(2);
    assertThat(meters.find("http.server.requests").timers()).hasSize(1);
  }
}
