package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.syncronizer.scores.BadgeMessage.Counted;
import io.catscores.syncronizer.scores.BadgeMessage.HighScores;
import io.catscores.syncronizer.scores.BadgeMessage.Invalid;
import io.catscores.syncronizer.scores.BadgeMessage.Score;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class BadgeMessageParserTest {

  // The games V2 seeds, as Games resolves them.
  private static final Map<String, Short> GAMES =
      Map.of(
          "breakout",
          (short) 1,
          "bo",
          (short) 1,
          "labyrinth",
          (short) 2,
          "la",
          (short) 2,
          "asteroids",
          (short) 3,
          "ro",
          (short) 3,
          "tappytime",
          (short) 5,
          "tt",
          (short) 5);

  private final BadgeMessageParser parser =
      new BadgeMessageParser(
          JsonMapper.builder().build(), name -> GAMES.get(name.trim().toLowerCase(Locale.ROOT)));

  private static final String WHO =
      "\"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"24:6F:28:AA:10:01\"";

  @Test
  void readsObjectEntries() {
    var message =
        parser.parse(
            "{"
                + WHO
                + ", \"event\": \"high-score\", \"high_scores\": "
                + "[{\"g\": \"Breakout\", \"s\": 1840, \"d\": 212}, {\"g\": \"Asteroids\", \"s\": 990, \"d\": 95}]}");
    assertThat(message).isInstanceOf(HighScores.class);
    var high = (HighScores) message;
    assertThat(high.scores())
        .containsExactly(new Score((short) 1, 1840, 212), new Score((short) 3, 990, 95));
    assertThat(high.macAddress()).isEqualTo("24:6F:28:AA:10:01");
    assertThat(high.rejected()).isEmpty();
  }

  @Test
  void readsTripleEntriesWithAbbreviations() {
    var high =
        (HighScores)
            parser.parse(
                "{"
                    + WHO
                    + ", \"event\": \"high-score\", \"high_scores\": "
                    + "[[\"BO\", 1500, 180], [\"LA\", 42, 61], [\"RO\", 1200, 130], [\"TT\", 77, 30]]}");
    assertThat(high.scores())
        .extracting(Score::gameId)
        .containsExactly((short) 1, (short) 2, (short) 3, (short) 5);
  }

  @Test
  void keepsReadableEntriesAndNamesTheRejectedOnes() {
    var high =
        (HighScores)
            parser.parse(
                "{"
                    + WHO
                    + ", \"event\": \"high-score\", \"high_scores\": "
                    + "[[\"BO\", 10, 1], [\"ZZ\", 10, 10], {\"g\": \"LA\", \"s\": -3, \"d\": 1}]}");
    assertThat(high.scores()).containsExactly(new Score((short) 1, 10, 1));
    assertThat(high.rejected())
        .containsExactly(
            "high_scores[1]: unknown game 'ZZ'",
            "high_scores[2]: score is not a non-negative whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "around-the-world", "challenge-check"})
  void countsEventsThatCarryNoScore(String event) {
    assertThat(parser.parse("{" + WHO + ", \"event\": \"" + event + "\"}"))
        .isEqualTo(new Counted(event));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | invalid JSON",
        "[1, 2] | not a JSON object",
        "{\"user_uuid\": \"x\"} | missing event",
        "{\"event\": \"teleport\"} | unknown event 'teleport'",
        "{\"event\": \"status\", \"mac_address\": \"m\"} | missing or invalid user_uuid",
        "{\"event\": \"status\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\"} | missing mac_address",
        "{\"event\": \"status\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"AA\\u0000BB\"} | mac_address contains a NUL character",
        "{\"event\": \"status\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"} | mac_address is longer than 64 characters",
        "{\"event\": \"high-score\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"m\"} | high_scores is missing",
        "{\"event\": \"high-score\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"m\", \"high_scores\": [[\"BO\", \"lots\", 5]]} | score is not a non-negative whole number",
        "{\"event\": \"high-score\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"m\", \"high_scores\": [[\"BO\", 5, 1.5]]} | duration is not a non-negative whole number",
        "{\"event\": \"high-score\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"m\", \"high_scores\": [[\"BO\", 5]]} | neither {g,s,d} nor [game, score, duration]",
        "{\"event\": \"high-score\", \"user_uuid\": \"6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03\", \"mac_address\": \"m\", \"high_scores\": [[\"BO\", 99999999999999999999, 5]]} | score is not"
      })
  void rejectsWithAClearReason(String payload, String reason) {
    assertThat(parser.parse(payload))
        .isInstanceOfSatisfying(Invalid.class, i -> assertThat(i.reason()).contains(reason));
  }

  @Test
  void acceptsWholeNumbersWrittenAsStringsOrFloats() {
    var high =
        (HighScores)
            parser.parse(
                "{"
                    + WHO
                    + ", \"event\": \"high-score\", \"high_scores\": [[\"bo\", \"42\", 7.0]]}");
    assertThat(high.scores()).containsExactly(new Score((short) 1, 42, 7));
  }

  @Test
  void emptyOrNullMessagesAreInvalid() {
    assertThat(parser.parse("")).isInstanceOf(Invalid.class);
    assertThat(parser.parse(null)).isInstanceOf(Invalid.class);
    assertThat(parser.parse("null")).isInstanceOf(Invalid.class);
  }
}
