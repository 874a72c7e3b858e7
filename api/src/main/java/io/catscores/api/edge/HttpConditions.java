package io.catscores.api.edge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The HTTP rules the {@link ResponseCache} answers by: Accept, ETags and conditional GETs. */
final class HttpConditions {

  private HttpConditions() {}

  /**
   * RFC 9110 13.2.2: If-None-Match decides when present; else If-Modified-Since against the
   * answer's Last-Modified (whole seconds, as HTTP dates have). A malformed date is ignored.
   */
  static boolean notModified(HttpHeaders request, String etag, long lastModified) {
    List<String> ifNoneMatch = request.get(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, etag);
    }
    if (lastModified < 0) {
      return false;
    }
    long since;
    try {
      since = request.getIfModifiedSince();
    } catch (IllegalArgumentException e) {
      return false;
    }
    return since >= 0 && lastModified / 1000 <= since / 1000;
  }

  /**
   * Whether a request's Accept allows the JSON every cached answer is; the others go to WebFlux,
   * which answers them 406 as it would without the cache. No Accept header means anything.
   */
  static boolean acceptsJson(List<String> accept) {
    if (accept == null || isCommonJson(accept)) {
      return true;
    }
    List<MediaType> types = parsed(accept);
    if (types == null) {
      return false;
    }
    for (MediaType type : types) {
      if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the api answers as if the request had no Accept header: under /api/v1, whatever it
   * says, as the old API did (a script's {@code curl -H 'Accept: json'} got JSON); elsewhere when
   * it is no list of media types, which WebFlux would otherwise answer with an empty 406
   * (V1ContractIT, ErrorsIT).
   */
  static boolean ignoresAccept(String path, List<String> accept) {
    if (accept == null) {
      return false;
    }
    if (path.startsWith("/api/v1/")) {
      return true;
    }
    return !isCommonJson(accept) && parsed(accept) == null;
  }

  /** What curl, Postman and most clients send: read without parsing. */
  private static boolean isCommonJson(List<String> accept) {
    return accept.size() == 1
        && (accept.get(0).equals("*/*") || accept.get(0).equals("application/json"));
  }

  /** The media types of an Accept header, or null when it is no list of media types. */
  private static List<MediaType> parsed(List<String> accept) {
    try {
      return MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  /**
   * RFC 9110 If-None-Match (weak comparison, as for GET), read leniently: a malformed header simply
   * does not match, it never fails the request.
   */
  static boolean matches(List<String> ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String header : ifNoneMatch) {
      for (String candidate : header.split(",")) {
        String tag = candidate.trim();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals("*") || tag.equals(etag)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A strong ETag: the first 32 characters of the body's SHA-256, base64url. */
  static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
