package io.catscores.api.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a request comes from, for per-client limits: the peer's address, or, when the peer is a
 * trusted proxy, the right-most {@code X-Forwarded-For} entry that is not one (what the first
 * trusted proxy saw). A client cannot choose its own key by sending the header (ClientAddressTest).
 */
final class ClientAddress {

  private ClientAddress() {}

  /** The address the connection comes from, or null. */
  static InetAddress peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null ? null : remote.getAddress();
  }

  static String of(ServerHttpRequest request, TrustedProxies trustedProxies) {
    InetAddress address = peer(request);
    String peer = address == null ? "unknown" : address.getHostAddress();
    if (trustedProxies.isEmpty() || !trustedProxies.contains(address)) {
      return peer;
    }
    List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    String client = peer;
    for (int h = forwarded.size() - 1; h >= 0; h--) {
      String[] hops = forwarded.get(h).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].trim();
        if (hop.isEmpty()) {
          continue;
        }
        client = hop;
        if (!trustedProxies.contains(hop)) {
          return hop;
        }
      }
    }
    return client;
  }
}
