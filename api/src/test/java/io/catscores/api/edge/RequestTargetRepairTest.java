package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetRepairTest {

  @Test
  void aTargetAUriCanHoldIsLeftAsItIs() {
    String target = "/api/v2/breeds?name=a%20b&origin=%C3%A9&x=~!$&'()*+,;=:@/?";
    assertThat(RequestTargetRepair.repaired(target)).isSameAs(target);
  }

  @Test
  void whatAUriCannotHoldIsEscaped() {
    assertThat(RequestTargetRepair.repaired("/a?q=\"<>\\^`{|}"))
        .isEqualTo("/a?q=%22%3C%3E%5C%5E%60%7B%7C%7D");
    assertThat(RequestTargetRepair.repaired("/a?q=100%")).isEqualTo("/a?q=100%25");
    assertThat(RequestTargetRepair.repaired("/a?q=%4")).isEqualTo("/a?q=%254");
    assertThat(RequestTargetRepair.repaired("/a?q=%ZZ%41")).isEqualTo("/a?q=%25ZZ%41");
  }
}
