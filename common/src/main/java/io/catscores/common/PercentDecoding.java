package io.catscores.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Lenient percent-decoding for {@link Redact#path}: a malformed escape stays as it is. */
final class PercentDecoding {

  private PercentDecoding() {}

  static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (c == '%' && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
