package io.catscores.syncronizer.scores;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A batch of scores in PostgreSQL's binary COPY format, in {@link ScoreRepository}'s column order.
 * PostgreSQL reads it ~1.5× faster than the text format (no uuid or timestamp parsing: 7.4–8.0 ms
 * against 11.3–12.1 ms for 10 000 rows, doc/benchmarks.md "Drain"), and a MAC address needs no
 * escaping: whatever the message said is the field's bytes (ScoreRepositoryIT).
 */
final class CopyBinary {

  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final short FIELDS = 7;
  // PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z.
  private static final long POSTGRES_EPOCH_SECONDS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

  private CopyBinary() {}

  static InputStream of(List<ScoreRepository.Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 112 + 32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(SIGNATURE);
      out.writeInt(0); // flags: no OIDs
      out.writeInt(0); // no header extension
      for (ScoreRepository.Row row : rows) {
        write(out, row);
      }
      out.writeShort(-1); // end of data
    } catch (IOException e) { // a ByteArrayOutputStream does not throw
      throw new UncheckedIOException(e);
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  private static void write(DataOutputStream out, ScoreRepository.Row row) throws IOException {
    out.writeShort(FIELDS);
    out.writeInt(16);
    out.writeLong(row.player().getMostSignificantBits());
    out.writeLong(row.player().getLeastSignificantBits());
    text(out, row.macAddress());
    out.writeInt(2);
    out.writeShort(row.gameId());
    out.writeInt(8);
    out.writeLong(row.score());
    out.writeInt(8);
    out.writeLong(row.duration());
    out.writeInt(8);
    out.writeLong(micros(row.seenAt()));
    text(out, row.entryId());
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * Truncated to the microsecond, as PostgreSQL stores it. Exact: a time beyond a long's
   * microseconds fails the batch (as PostgreSQL refused it in text) instead of storing a wrong one.
   */
  private static long micros(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
    long seconds = Math.subtractExact(truncated.getEpochSecond(), POSTGRES_EPOCH_SECONDS);
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), truncated.getNano() / 1_000);
  }
}
