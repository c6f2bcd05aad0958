package vn.loa.channel;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who reads, as far as counting once per day needs: the address and user agent of the request. It lives only for the
 * request: the counter keeps a keyed hash of it for the day (HMAC-SHA256 under a salt drawn each day and never
 * written anywhere), never the values themselves.
 */
public record Visitor(String address, String userAgent) {

    public Visitor {
        address = address == null ? "" : address;
        userAgent = userAgent == null ? "" : userAgent;
    }

    /**
     * The visitor of a request. Behind the gateway (a request from a loopback or private address) the address is the
     * last hop the gateway appended to {@code X-Forwarded-For} — the one a client cannot forge; otherwise the
     * request's own remote address.
     */
    public static Visitor of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String address = remote;
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && proxy(remote)) {
            String[] hops = forwarded.split(",");
            address = hops[hops.length - 1].strip();
        }
        return new Visitor(address, request.getHeader("User-Agent"));
    }

    private static boolean proxy(String remote) {
        if (remote == null || !remote.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(remote); // a literal: no lookup
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
