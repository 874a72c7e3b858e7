package io.catscores.syncronizer.scores;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A player's public id: HMAC-SHA-256 of the user_uuid with {@code PLAYER_ID_KEY}, its first 60 bits
 * as 12 base32 characters. Stable for a key, not reversible without it; the api shows only this id
 * (the uuid and the badge's MAC address are the badge API's credentials). PlayerIdsTest.
 */
@Component
class PlayerIds {

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final String FINGERPRINT_TEXT = "catscores player id key fingerprint";

  private final SecretKeySpec key;

  PlayerIds(PlayerIdProperties properties) {
    this.key = new SecretKeySpec(properties.idKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String of(UUID player) {
    return encode(hmac(player.toString()));
  }

  /** Identifies the key (to know whether stored ids need recomputing) without revealing it. */
  String fingerprint() {
    return encode(hmac(FINGERPRINT_TEXT));
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String encode(byte[] hash) {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (hash[i] & 0xff);
    }
    char[] id = new char[12];
    for (int i = 0; i < 12; i++) {
      id[i] = BASE32[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)];
    }
    return new String(id);
  }
}
