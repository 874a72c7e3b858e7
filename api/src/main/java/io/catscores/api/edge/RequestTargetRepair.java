package io.catscores.api.edge;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Percent-encodes what a request line may carry but a URI may not: {@code " < > \ ^ ` { | }} and a
 * {@code %} that starts no escape. Browsers leave several of them unencoded in a query, and the old
 * API read them literally; unrepaired, Spring fails to parse the URI and answers an empty 400 that
 * no handler sees, logs or counts (RequestTargetRepairIT). Runs on the event loop right after the
 * HTTP decoder, once per request; a target with nothing to repair is passed on as it is.
 */
@ChannelHandler.Sharable
final class RequestTargetRepair extends ChannelInboundHandlerAdapter {

  static final RequestTargetRepair INSTANCE = new RequestTargetRepair();

  private static final String UNSAFE = "\"<>\\^`{|}";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestTargetRepair() {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      String target = request.uri();
      String repaired = repaired(target);
      if (repaired != target) {
        request.setUri(repaired);
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** The target with every character a URI may not hold escaped; the same string if none. */
  static String repaired(String target) {
    StringBuilder out = null;
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean escape = UNSAFE.indexOf(c) >= 0 || c == '%' && !startsEscape(target, i);
      if (escape && out == null) {
        out = new StringBuilder(target.length() + 16).append(target, 0, i);
      }
      if (escape) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? target : out.toString();
  }

  private static boolean startsEscape(String target, int at) {
    return at + 2 < target.length()
        && Character.digit(target.charAt(at + 1), 16) >= 0
        && Character.digit(target.charAt(at + 2), 16) >= 0;
  }
}
