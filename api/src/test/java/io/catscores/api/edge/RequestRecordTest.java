package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestRecordTest {

  @Test
  void aValidTraceparentGivesItsTraceId() {
    assertThat(
            RequestRecord.callersTraceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void anythingElseStartsANewTrace() {
    assertThat(RequestRecord.callersTraceId(null)).isNull();
    assertThat(RequestRecord.callersTraceId("")).isNull();
    // all-zero trace id, upper case hex, unknown version, wrong separators, wrong length
    assertThat(
            RequestRecord.callersTraceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(
            RequestRecord.callersTraceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(
            RequestRecord.callersTraceId("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(
            RequestRecord.callersTraceId("00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"))
        .isNull();
    assertThat(RequestRecord.callersTraceId("00-4bf92f3577b34da6a3ce929d0e0e4736-01")).isNull();
  }
}
