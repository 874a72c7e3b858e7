package io.catscores.common;

import java.util.regex.Pattern;

/**
 * Removes what is a credential elsewhere from text bound for a log line or an error answer: the
 * badge API authenticates players by their user_uuid and their badge's MAC address, so neither may
 * leave our system (RedactTest; the api's and syncronizer's privacy scans).
 */
public final class Redact {

  public static final String MARK = "[redacted]";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
  private static final Pattern MAC =
      Pattern.compile("[0-9a-fA-F]{2}([:-]?)[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}");

  private Redact() {}

  /** {@code text} with every uuid and MAC address (any common spelling) replaced by a mark. */
  public static String credentials(String text) {
    if (text == null || !mayContain(text)) {
      return text;
    }
    String once = UUID.matcher(text).replaceAll(MARK);
    return MAC.matcher(once).replaceAll(MARK);
  }

  /**
   * A request path as the client sent it, percent-encoded, with every credential removed. A client
   * may encode any character of a uuid or MAC ({@code aa%3Abb…}), and the server decodes it, so the
   * path is read decoded (as often as it decodes): unchanged when that holds no credential, else
   * that decoded form with the marks (RedactTest, PrivacyIT).
   */
  public static String path(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return credentials(raw);
    }
    String decoded = raw;
    for (int i = 0; i < 4 && decoded.indexOf('%') >= 0; i++) {
      String again = PercentDecoding.decode(decoded);
      if (again.equals(decoded)) {
        break;
      }
      decoded = again;
    }
    String redacted = credentials(decoded);
    return redacted.equals(decoded) ? raw : redacted;
  }

  /** Cheap pre-check: both need at least 12 hex digits in the text. */
  private static boolean mayContain(String text) {
    int hex = 0;
    for (int i = 0; i < text.length() && hex < 12; i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hex++;
      }
    }
    return hex >= 12;
  }
}
