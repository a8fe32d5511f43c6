package org.recworkbench.serve;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.stream.Event;
import org.recworkbench.stream.LimitExceededException;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ServiceBrokenException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The loopback HTTP service: {@code GET /recommend?user=U&n=10}, {@code GET /trending?n=10}, {@code POST /events}
 * (one event or an array of them: user, item, value, optional time), {@code POST /items} and {@code GET /health}
 * (HEAD too). Bound to 127.0.0.1 only, on {@link HttpTransport} with {@link HttpLimits}; {@link AccessPolicy} checks
 * Host, Origin and the optional token. Every error is {@code {"error": "…"}} with its status; a request is applied
 * all or none; values outside the data's scale are refused; a model broken by a failed update answers 503.
 */
public final class RecommendServer implements AutoCloseable {

    /**
     * @param token               required of writes as "Authorization: Bearer TOKEN", or null for none
     * @param maxValue            the largest event value accepted; NaN = the training data's largest
     * @param limits              of the HTTP transport
     * @param maxItemsPerRequest  items in one POST /items
     * @param maxEventsPerRequest events in one POST /events
     * @param maxNewItems         items added over the service's life
     */
    public record Settings(String token, double maxValue, HttpLimits limits, int maxItemsPerRequest,
                           int maxEventsPerRequest, int maxNewItems) {

        public Settings {
            if (token != null && token.isBlank()) {
                throw new InvalidInputException("The token must not be blank");
            }
            if (!Double.isNaN(maxValue) && !Double.isFinite(maxValue) || maxItemsPerRequest < 1
                    || maxEventsPerRequest < 1 || maxNewItems < 0) {
                throw new InvalidInputException("Invalid service settings: max value " + maxValue + ", "
                        + maxItemsPerRequest + " items and " + maxEventsPerRequest + " events per request, "
                        + maxNewItems + " new items");
            }
        }

        /** No token; the data's value scale; {@link HttpLimits#defaults()}; 500 items and 10,000 events per request;
         * 10,000 new items in all. */
        public static Settings defaults() {
            return new Settings(null, Double.NaN, HttpLimits.defaults(), 500, 10_000, 10_000);
        }

        public Settings withToken(String t) {
            return new Settings(t, maxValue, limits, maxItemsPerRequest, maxEventsPerRequest, maxNewItems);
        }

        public Settings withMaxValue(double v) {
            return new Settings(token, v, limits, maxItemsPerRequest, maxEventsPerRequest, maxNewItems);
        }

        public Settings withLimits(HttpLimits l) {
            return new Settings(token, maxValue, l, maxItemsPerRequest, maxEventsPerRequest, maxNewItems);
        }

        public Settings withMaxNewItems(int n) {
            return new Settings(token, maxValue, limits, maxItemsPerRequest, maxEventsPerRequest, n);
        }
    }

    private static final String ENDPOINTS = "there are GET /recommend, GET /trending, POST /events, POST /items"
            + " and GET /health";

    private final RecommendationService service;
    private final Settings settings;
    private final double minValue;
    private final double maxValue;
    private final Gson gson = new Gson();
    private HttpTransport transport;
    private AccessPolicy policy;

    private RecommendServer(RecommendationService service, Settings settings) {
        this.service = service;
        this.settings = settings;
        RatingMatrix r = service.model().dataset().ratings();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < r.size(); p++) {
            lo = Math.min(lo, r.rowValue(p));
            hi = Math.max(hi, r.rowValue(p));
        }
        boolean explicit = service.model().dataset().kind() == org.recworkbench.data.DatasetKind.EXPLICIT;
        // explicit data: its rating scale as observed; implicit: counts from 0 up to the largest seen (at least 1)
        this.minValue = explicit && r.size() > 0 ? lo : 0;
        this.maxValue = !Double.isNaN(settings.maxValue()) ? settings.maxValue()
                : explicit && r.size() > 0 ? hi : Math.max(1, r.size() > 0 ? hi : 1);
    }

    /** Starts serving on 127.0.0.1 at the port (0 picks a free one) with the default settings. */
    public static RecommendServer start(RecommendationService service, int port) throws IOException {
        return start(service, port, Settings.defaults());
    }

    /** Starts serving on 127.0.0.1 at the port (0 picks a free one). */
    public static RecommendServer start(RecommendationService service, int port, Settings settings)
            throws IOException {
        RecommendServer s = new RecommendServer(service, settings);
        s.transport = HttpTransport.start(port, settings.limits(), s::handle);
        s.policy = new AccessPolicy(s.port(), settings.token());
        return s;
    }

    public int port() {
        return transport.address().getPort();
    }

    /** The address the server listens on: always the loopback interface. */
    public InetSocketAddress address() {
        return transport.address();
    }

    /** The accepted range of an event's value: the data's scale, or up to --max-value. */
    public double[] valueRange() {
        return new double[] {minValue, maxValue};
    }

    @Override
    public void close() {
        transport.close();
    }

    private HttpTransport.Response handle(HttpTransport.Request request) {
        HttpTransport.Response refused = policy.checkHost(request);
        if (refused != null) {
            return refused;
        }
        String method = request.method();
        try {
            return switch (request.path()) {
                case "/health" -> read(method, this::health);
                case "/recommend" -> read(method, () -> ok(recommend(query(request.rawQuery()))));
                case "/trending" -> read(method, () -> ok(trending(query(request.rawQuery()))));
                case "/events" -> write(request, () -> ok(events(body(request))));
                case "/items" -> write(request, () -> ok(items(body(request))));
                default -> new HttpTransport.Response(404, HttpTransport.error("No such endpoint; " + ENDPOINTS));
            };
        } catch (ServiceBrokenException broken) {
            return new HttpTransport.Response(503, HttpTransport.error("The model is broken: " + broken.getMessage()
                    + "; restart serve"));
        } catch (LimitExceededException limit) {
            return new HttpTransport.Response(limit.memory() ? 507 : 409, HttpTransport.error(limit.getMessage()));
        } catch (InvalidInputException bad) {
            return new HttpTransport.Response(400, HttpTransport.error(bad.getMessage() == null ? "Bad request"
                    : bad.getMessage()));
        } catch (RuntimeException unexpected) {
            System.err.println("serve: internal error on " + method + " " + request.path() + ": " + unexpected);
            return new HttpTransport.Response(500, HttpTransport.error("Internal error; the request was not applied"));
        }
    }

    private static HttpTransport.Response read(String method, Supplier<HttpTransport.Response> answer) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return answer.get();
        }
        return new HttpTransport.Response(405, HttpTransport.error("Use GET or HEAD here"),
                Map.of("Allow", "GET, HEAD"));
    }

    private HttpTransport.Response write(HttpTransport.Request request, Supplier<HttpTransport.Response> answer) {
        if (!request.method().equals("POST")) {
            return new HttpTransport.Response(405, HttpTransport.error("Use POST here"), Map.of("Allow", "POST"));
        }
        HttpTransport.Response refused = policy.checkWrite(request);
        return refused != null ? refused : answer.get();
    }

    private HttpTransport.Response ok(Object body) {
        return new HttpTransport.Response(200, gson.toJson(body));
    }

    private HttpTransport.Response health() {
        Map<String, Object> out = new LinkedHashMap<>();
        String broken = service.brokenReason();
        out.put("status", broken == null ? "ok" : "broken");
        if (broken != null) {
            out.put("reason", broken);
        }
        out.put("dataset", service.model().dataset().name());
        out.put("algorithm", service.model().algorithmId());
        out.put("users", service.userCount());
        out.put("items", service.itemCount());
        out.put("events", service.eventCount());
        out.put("method", service.method());
        return new HttpTransport.Response(broken == null ? 200 : 503, gson.toJson(out));
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
        JsonArray list = JsonBody.objects(body, "Send an item {\"id\":…,\"title\":…,\"text\":…} or an array of them",
                "item", settings.maxItemsPerRequest());
        List<RecommendationService.NewItemText> items = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            JsonObject o = list.get(k).getAsJsonObject();
            items.add(new RecommendationService.NewItemText(JsonBody.text(o, "id", "item", k),
                    JsonBody.optionalText(o, "title", "item", k), JsonBody.optionalText(o, "text", "item", k)));
        }
        int added = service.addItems(items, settings.maxNewItems());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", added);
        out.put("items", service.itemCount());
        return out;
    }

    private Map<String, Object> events(String body) {
        JsonArray list = JsonBody.objects(body, "Send an event {\"user\":…,\"item\":…,\"value\":…} or an array of"
                + " them", "event", settings.maxEventsPerRequest());
        List<Event> events = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            JsonObject o = list.get(k).getAsJsonObject();
            String user = JsonBody.text(o, "user", "event", k);
            String item = JsonBody.text(o, "item", "event", k);
            double value = JsonBody.number(o, "value", "event", k, 1);
            if (!(value >= minValue && value <= maxValue)) {
                throw new InvalidInputException(String.format(Locale.ROOT, "The value %s of event %d is outside"
                        + " %s–%s, the scale of %s (serve --max-value sets the top)", o.get("value"), k + 1,
                        number(minValue), number(maxValue), service.model().dataset().name()));
            }
            int time = JsonBody.wholeNumber(o, "time", "event", k, RatingMatrix.NO_TIMESTAMP);
            events.add(new Event(user, item, value, time));
        }
        service.applyAll(events);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applied", events.size());
        out.put("events", service.eventCount());
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String body(HttpTransport.Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(key, value);
            }
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("The query has a malformed %-escape; encode it as UTF-8 bytes like %C3%A9");
        }
        return out;
    }
}
