package io.catscores.syncronizer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class UpstreamClientTest {

  @Test
  void retryAfterReadsSecondsDatesAndTheCatApiHeader() {
    var headers = new HttpHeaders();
    headers.set("Retry-After", "7");
    assertThat(UpstreamClient.retryAfter(headers)).hasSeconds(7);
    headers = new HttpHeaders();
    headers.set("Retry-After-Seconds", "3");
    assertThat(UpstreamClient.retryAfter(headers)).hasSeconds(3);
    headers = new HttpHeaders();
    headers.set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    assertThat(UpstreamClient.retryAfter(headers)).isZero();
    headers = new HttpHeaders();
    headers.set("Retry-After", "soon");
    assertThat(UpstreamClient.retryAfter(headers)).isNull();
  }
}
