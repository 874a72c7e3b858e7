package io.catscores.api.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarding headers the api believes ({@code API_TRUSTED_PROXIES}): addresses
 * ({@code 10.0.0.7}, {@code ::1}) or networks ({@code 10.0.0.0/8}, {@code fd00::/8}), since an
 * ingress controller's pods change address. Only address literals are read, never a name that would
 * need a DNS lookup; an entry that is neither stops the api at start-up, naming it
 * (TrustedProxiesTest).
 */
final class TrustedProxies {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  // Starts as InetAddress's own literal check does, and holds a colon: never a host name.
  private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private record Network(byte[] address, int bits) {
    boolean contains(byte[] other) {
      if (other.length != address.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (other[i] != address[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      int mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (other[whole] & mask) == (address[whole] & mask);
    }
  }

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = networks;
  }

  static TrustedProxies of(List<String> entries) {
    List<Network> networks = new ArrayList<>();
    for (String entry : entries) {
      if (!entry.isBlank()) {
        networks.add(network(entry.trim()));
      }
    }
    return new TrustedProxies(List.copyOf(networks));
  }

  private static Network network(String entry) {
    int slash = entry.indexOf('/');
    InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
    int max = address == null ? 0 : address.getAddress().length * 8;
    int bits = max;
    if (address != null && slash >= 0) {
      String prefix = entry.substring(slash + 1);
      bits = prefix.matches("\\d{1,3}") ? Integer.parseInt(prefix) : -1;
    }
    if (address == null || bits < 0 || bits > max) {
      throw new IllegalArgumentException(
          "API_TRUSTED_PROXIES: '"
              + entry
              + "' is neither an address (10.0.0.7, ::1) nor a network (10.0.0.0/8, fd00::/8)");
    }
    return new Network(address.getAddress(), bits);
  }

  /** The address a literal names, or null; never a DNS lookup. */
  static InetAddress literal(String text) {
    var v4 = IPV4.matcher(text);
    try {
      if (v4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(v4.group(i + 1));
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
      }
      // With a colon, InetAddress reads an IPv6 literal or refuses; it never resolves it.
      return IPV6.matcher(text).matches() ? InetAddress.getByName(text) : null;
    } catch (UnknownHostException invalid) {
      return null;
    }
  }

  boolean isEmpty() {
    return networks.isEmpty();
  }

  boolean contains(InetAddress address) {
    if (address == null) {
      return false;
    }
    byte[] bytes = address.getAddress();
    return networks.stream().anyMatch(network -> network.contains(bytes));
  }

  /** For an address a header wrote: false for anything that is not an address literal. */
  boolean contains(String address) {
    return !networks.isEmpty() && contains(literal(address.trim()));
  }
}
