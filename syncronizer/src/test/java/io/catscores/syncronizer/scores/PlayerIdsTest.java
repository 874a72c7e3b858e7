package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlayerIdsTest {

  private static final UUID PLAYER = UUID.fromString("b2d7e5c1-77aa-4f0e-8c2b-91f3a6d0e4c8");

  @Test
  void twelveBase32CharactersStableForOneKey() {
    String id = new PlayerIds(new PlayerIdProperties("key-one")).of(PLAYER);
    assertThat(id).matches("[a-z2-7]{12}");
    assertThat(new PlayerIds(new PlayerIdProperties("key-one")).of(PLAYER)).isEqualTo(id);
    assertThat(id).doesNotContain("b2d7", "91f3");
  }

  @Test
  void anotherKeyGivesOtherIdsAndAnotherFingerprint() {
    PlayerIds one = new PlayerIds(new PlayerIdProperties("key-one"));
    PlayerIds two = new PlayerIds(new PlayerIdProperties("key-two"));
    assertThat(one.of(PLAYER)).isNotEqualTo(two.of(PLAYER));
    assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint()).matches("[a-z2-7]{12}");
    assertThat(one.of(PLAYER)).isNotEqualTo(one.of(UUID.randomUUID()));
  }

  @Test
  void theKeyIsNeverPrinted() {
    assertThat(new PlayerIdProperties("s3cret-key").toString()).doesNotContain("s3cret");
  }
}
