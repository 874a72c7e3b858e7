package io.catscores.syncronizer.scores;

import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A batch of scores in PostgreSQL's COPY text format, in {@link ScoreRepository}'s column order.
 */
final class CopyText {

  private CopyText() {}

  static StringReader of(List<ScoreRepository.Row> rows) {
    StringBuilder text = new StringBuilder(rows.size() * 128);
    for (ScoreRepository.Row row : rows) {
      text.append(row.player()).append('\t');
      escaped(text, row.macAddress()).append('\t');
      text.append(row.gameId()).append('\t');
      text.append(row.score()).append('\t');
      text.append(row.duration()).append('\t');
      text.append(row.seenAt().truncatedTo(ChronoUnit.MICROS)).append('\t');
      escaped(text, row.entryId()).append('\n');
    }
    return new StringReader(text.toString());
  }

  /**
   * The MAC address comes from the message as sent: a backslash, tab or line break in it must stay
   * data, not end the field or the row (ScoreRepositoryIT).
   */
  private static StringBuilder escaped(StringBuilder text, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
    return text;
  }
}
