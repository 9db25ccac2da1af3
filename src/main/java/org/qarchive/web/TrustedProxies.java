package org.qarchive.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} headers the
 * server believes: addresses or CIDR ranges ({@code 127.0.0.1}, {@code ::1}, {@code 10.0.0.0/8}).
 * From anyone else these headers are ignored, since a visitor could otherwise make our pages link
 * to a host of their choosing.
 */
final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private record Range(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** No proxy is trusted. */
  static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** Parses addresses and CIDR ranges; throws {@link IllegalArgumentException} naming a bad one. */
  static TrustedProxies parse(List<String> specs) {
    List<Range> ranges = new ArrayList<>();
    for (String spec : Objects.requireNonNull(specs, "specs")) {
      String s = spec.strip();
      int slash = s.indexOf('/');
      String address = slash < 0 ? s : s.substring(0, slash);
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "trusted proxy must be an IP address or CIDR range (like 127.0.0.1 or 10.0.0.0/8),"
                + " not "
                + spec);
      }
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException("bad prefix length in trusted proxy " + spec);
        }
      }
      ranges.add(new Range(bytes, bits));
    }
    return new TrustedProxies(ranges);
  }

  /** Whether a request from {@code remoteAddress} comes through a trusted proxy. */
  boolean trusts(String remoteAddress) {
    if (ranges.isEmpty() || remoteAddress == null) {
      return false;
    }
    byte[] bytes = literal(remoteAddress.replaceAll("^\\[|\\]$", ""));
    if (bytes == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value a trusted proxy set: the last of a comma-separated list, since each proxy appends
   * what it saw and the nearest one is the one we trust.
   */
  static String nearest(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.lastIndexOf(',');
    String v = (comma < 0 ? header : header.substring(comma + 1)).strip();
    return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
  }

  /** The address bytes of an IP literal, without a name lookup; null if it is none. */
  private static byte[] literal(String s) {
    if (IPV4.matcher(s).matches()) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null; // not an address, and getByName would look it up as a name
        }
      }
    } else if (!IPV6.matcher(s).matches()) {
      return null; // a host name: resolving it would ask DNS, and trust whatever DNS says
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
