package org.recworkbench.serve;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback HTTP service: {@code GET /recommend?user=U&n=10}, {@code POST /events} (one event or an array of
 * them: user, item, value, optional time) and {@code GET /health}. Bound to 127.0.0.1 only. Bad requests get 400
 * with a JSON error; unknown users get cold-start lists, never 500.
 */
public final class RecommendServer implements AutoCloseable {

    private static final int MAX_BODY = 1 << 20;

    static {
        // the JDK server writes headers and body separately; with Nagle's algorithm on, a keep-alive client's
        // delayed acknowledgement stalls every response by about 40 ms
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final RecommendationService service;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Gson gson = new Gson();

    private RecommendServer(RecommendationService service, HttpServer server, ExecutorService executor) {
        this.service = service;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1 at the port (0 picks a free one). */
    public static RecommendServer start(RecommendationService service, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "recommend-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        RecommendServer s = new RecommendServer(service, server, executor);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on: always the loopback interface. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/health" -> {
                    if (allowed(exchange, method, "GET")) {
                        send(exchange, 200, health());
                    }
                }
                case "/recommend" -> {
                    if (allowed(exchange, method, "GET")) {
                        send(exchange, 200, recommend(query(exchange.getRequestURI().getRawQuery())));
                    }
                }
                case "/events" -> {
                    if (allowed(exchange, method, "POST")) {
                        send(exchange, 200, events(read(exchange.getRequestBody())));
                    }
                }
                case "/items" -> {
                    if (allowed(exchange, method, "POST")) {
                        send(exchange, 200, items(read(exchange.getRequestBody())));
                    }
                }
                case "/trending" -> {
                    if (allowed(exchange, method, "GET")) {
                        send(exchange, 200, trending(query(exchange.getRequestURI().getRawQuery())));
                    }
                }
                default -> send(exchange, 404, error("No such endpoint " + path + "; there are GET /recommend,"
                        + " GET /trending, POST /events, POST /items and GET /health"));
            }
        } catch (InvalidInputException | JsonParseException | IllegalStateException | NumberFormatException bad) {
            send(exchange, 400, error(bad.getMessage()));
        } catch (RuntimeException unexpected) {
            send(exchange, 500, error("Internal error: " + unexpected));
        } finally {
            exchange.close();
        }
    }

    private static boolean allowed(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        byte[] body = ("{\"error\":\"Use " + expected + " here\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(405, body.length);
        exchange.getResponseBody().write(body);
        return false;
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("dataset", service.model().dataset().name());
        out.put("algorithm", service.model().algorithmId());
        out.put("users", service.userCount());
        out.put("items", service.itemCount());
        out.put("events", service.eventCount());
        out.put("method", service.method());
        return out;
    }

    private static int count(Map<String, String> query) {
        String n = query.getOrDefault("n", "10");
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("n must be a whole number; got \"" + n + "\"");
        }
    }

    private Map<String, Object> recommend(Map<String, String> query) {
        RecommendationService.Recommendations r = service.recommend(query.get("user"), count(query));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", r.user());
        out.put("source", r.source().label());
        out.put("method", r.method());
        out.put("items", r.items());
        return out;
    }

    private Map<String, Object> trending(Map<String, String> query) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", service.trending(count(query)));
        return out;
    }

    /** New items: {"id":…, "title":…, "text":…} or an array of them; known ids are left as they are. */
    private Map<String, Object> items(String body) {
        JsonArray list = objects(body, "Send an item {\"id\":…,\"title\":…,\"text\":…} or an array of them");
        int added = 0;
        int index = 0;
        for (JsonElement e : list) {
            if (!e.isJsonObject()) {
                throw new InvalidInputException("Item " + (index + 1) + " is not an object");
            }
            JsonObject o = e.getAsJsonObject();
            String id = text(o, "id", index, "Item");
            String title = o.has("title") && !o.get("title").isJsonNull() ? o.get("title").getAsString() : "";
            String text = o.has("text") && !o.get("text").isJsonNull() ? o.get("text").getAsString() : "";
            if (service.addItem(id, title, text)) {
                added++;
            }
            index++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", added);
        out.put("items", service.itemCount());
        return out;
    }

    private static JsonArray objects(String body, String expected) {
        JsonElement json = JsonParser.parseString(body);
        if (json.isJsonArray()) {
            return json.getAsJsonArray();
        }
        if (json.isJsonObject()) {
            JsonArray list = new JsonArray();
            list.add(json);
            return list;
        }
        throw new InvalidInputException(expected);
    }

    private Map<String, Object> events(String body) {
        JsonArray list = objects(body, "Send an event {\"user\":…,\"item\":…,\"value\":…} or an array of them");
        int applied = 0;
        for (JsonElement e : list) {
            if (!e.isJsonObject()) {
                throw new InvalidInputException("Event " + (applied + 1) + " is not an object");
            }
            JsonObject o = e.getAsJsonObject();
            String user = text(o, "user", applied, "Event");
            String item = text(o, "item", applied, "Event");
            double value = o.has("value") ? o.get("value").getAsDouble() : 1;
            int time = o.has("time") && !o.get("time").isJsonNull() ? o.get("time").getAsInt()
                    : org.recworkbench.data.RatingMatrix.NO_TIMESTAMP;
            service.apply(user, item, value, time);
            applied++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applied", applied);
        out.put("events", service.eventCount());
        return out;
    }

    private static String text(JsonObject o, String field, int index, String what) {
        if (!o.has(field) || o.get(field).isJsonNull()) {
            throw new InvalidInputException(what + " " + (index + 1) + " has no \"" + field + "\"");
        }
        return o.get(field).getAsString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static String read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new InvalidInputException("The body is larger than 1 MB");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message == null ? "bad request" : message);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
