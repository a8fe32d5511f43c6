package org.recworkbench.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may call the loopback service. Every request must name the address it was sent to in its Host header
 * (127.0.0.1:PORT or localhost:PORT), so a web page whose domain a DNS rebinding points at 127.0.0.1 is refused. A
 * write (POST) carrying an Origin header must come from the service's own origin, so a page in the user's browser
 * cannot post to it. With a token, a write also needs {@code Authorization: Bearer TOKEN}.
 */
final class AccessPolicy {

    private final int port;
    private final Set<String> hosts;
    private final Set<String> origins;
    private final byte[] token;

    /** @param token required of writes, or null for none */
    AccessPolicy(int port, String token) {
        this.port = port;
        String p = ":" + port;
        this.hosts = port == 80 ? Set.of("127.0.0.1" + p, "localhost" + p, "[::1]" + p, "127.0.0.1", "localhost",
                "[::1]") : Set.of("127.0.0.1" + p, "localhost" + p, "[::1]" + p);
        this.origins = port == 80 ? Set.of("http://127.0.0.1" + p, "http://localhost" + p, "http://[::1]" + p,
                "http://127.0.0.1", "http://localhost", "http://[::1]")
                : Set.of("http://127.0.0.1" + p, "http://localhost" + p, "http://[::1]" + p);
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The refusal of any request from a client that did not address this service, or null. */
    HttpTransport.Response checkHost(HttpTransport.Request request) {
        String host = request.header("host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return new HttpTransport.Response(403, HttpTransport.error("The Host header must be 127.0.0.1:" + port
                    + " or localhost:" + port + "; this service answers only requests addressed to it"));
        }
        return null;
    }

    /** The refusal of a write from another origin or without the token, or null. */
    HttpTransport.Response checkWrite(HttpTransport.Request request) {
        String origin = request.header("origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return new HttpTransport.Response(403, HttpTransport.error("Writes from other origins are refused;"
                    + " post from http://127.0.0.1:" + port + " or without an Origin header"));
        }
        if (token != null) {
            String auth = request.header("authorization");
            byte[] given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(given, token)) {
                return new HttpTransport.Response(401, HttpTransport.error("Writes need the header"
                        + " \"Authorization: Bearer TOKEN\" with the token serve printed at start"),
                        Map.of("WWW-Authenticate", "Bearer"));
            }
        }
        return null;
    }
}
