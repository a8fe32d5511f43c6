package org.recworkbench.serve;

import org.junit.jupiter.api.Test;
import org.recworkbench.stream.RecommendationService;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keep-alive GET /recommend from two clients and a stream of events for two seconds while a third client keeps
 * sending hostile requests: every good request gets 200, every hostile one its refusal, and throughput stays high.
 */
class LoadUnderAbuseTest {

    private static final long MILLIS = 2_000;

    @Test
    void goodClientsGetEveryAnswerWhileAnotherMisbehaves() throws Exception {
        try (RecommendServer server = RecommendServer.start(new RecommendationService(RawHttp.shopModel()), 0)) {
            int port = server.port();
            long end = System.nanoTime() + MILLIS * 1_000_000;
            AtomicLong ok = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            Map<String, Integer> abuse = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int seed = c;
                threads.add(new Thread(() -> recommendLoop(port, end, seed, ok, errors)));
            }
            threads.add(new Thread(() -> eventLoop(port, end, ok, errors)));
            threads.add(new Thread(() -> abuseLoop(port, end, abuse, errors)));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(MILLIS + 30_000);
            }
            System.out.printf("load under abuse: %d good requests in %.1f s (%.0f/s), %d errors; abuse %s%n",
                    ok.get(), MILLIS / 1e3, ok.get() * 1e3 / MILLIS, errors.get(), abuse);
            assertThat(errors.get()).isZero();
            assertThat(ok.get()).as("a generous floor for a loaded machine").isGreaterThan(200);
            assertThat(abuse).containsEntry("slow head", 408).containsEntry("1 MB query", 414)
                    .containsEntry("1 MB header", 431).containsEntry("11 MB body", 413)
                    .containsEntry("bad JSON", 400).containsEntry("value 1e300", 400)
                    .containsEntry("foreign Host", 403).containsEntry("foreign Origin", 403);
        }
    }

    private static void recommendLoop(int port, long end, int seed, AtomicLong ok, AtomicLong errors) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Socket s = RawHttp.open(port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (System.nanoTime() < end) {
                out.write(("GET /recommend?user=u" + random.nextInt(80) + "&n=10 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                count(RawHttp.read(in).status(), ok, errors);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private static void eventLoop(int port, long end, AtomicLong ok, AtomicLong errors) {
        SplittableRandom random = new SplittableRandom(7);
        try (Socket s = RawHttp.open(port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (System.nanoTime() < end) {
                String body = "{\"user\":\"u" + random.nextInt(80) + "\",\"item\":\"i" + random.nextInt(30)
                        + "\",\"value\":" + (1 + random.nextInt(5)) + "}";
                out.write(("POST /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                count(RawHttp.read(in).status(), ok, errors);
                Thread.sleep(10);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private static void count(int status, AtomicLong ok, AtomicLong errors) {
        (status == 200 ? ok : errors).incrementAndGet();
    }

    private static void abuseLoop(int port, long end, Map<String, Integer> seen, AtomicLong errors) {
        String mb = "a".repeat(1 << 20);
        List<Socket> held = new ArrayList<>();
        try {
            while (System.nanoTime() < end) {
                if (held.size() == 40) {
                    held.remove(0).close();
                }
                Socket slow = RawHttp.open(port);
                held.add(slow);
                RawHttp.write(slow, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: ");
                seen.put("1 MB query", RawHttp.send(port, RawHttp.request(port, "GET", "/recommend?user=" + mb, "",
                        null)).status());
                seen.put("1 MB header", RawHttp.send(port, RawHttp.request(port, "GET", "/health", "X-Big: " + mb
                        + "\r\n", null)).status());
                seen.put("11 MB body", RawHttp.send(port, "POST /events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Length: " + (11 << 20) + "\r\n\r\n").status());
                seen.put("bad JSON", RawHttp.send(port, RawHttp.request(port, "POST", "/events", "",
                        "{\"user\":{}}")).status());
                seen.put("value 1e300", RawHttp.send(port, RawHttp.request(port, "POST", "/events", "",
                        "{\"user\":\"u1\",\"item\":\"i1\",\"value\":1e300}")).status());
                seen.put("foreign Host", RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: evil.example\r\n"
                        + "Connection: close\r\n\r\n").status());
                seen.put("foreign Origin", RawHttp.send(port, RawHttp.request(port, "POST", "/events",
                        "Origin: http://evil.example\r\n", "{\"user\":\"u1\",\"item\":\"i1\",\"value\":3}")).status());
                Thread.sleep(20);
            }
            // the held slow heads would get 408 at the default 10 s deadline; a 0.3 s one shows it within the test
            try (RecommendServer quick = RecommendServer.start(new RecommendationService(RawHttp.shopModel()), 0,
                    RecommendServer.Settings.defaults().withLimits(HttpLimits.defaults().withTimeouts(300, 300, 300)));
                 Socket s = RawHttp.open(quick.port())) {
                RawHttp.write(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + quick.port() + "\r\nX-Slow: ");
                seen.put("slow head", RawHttp.read(s.getInputStream()).status());
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        } finally {
            for (Socket s : held) {
                try {
                    s.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
