package org.recworkbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.serve.RecommendServer;
import org.recworkbench.stream.RecommendationService;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 8's load test: GET /recommend for uniformly random users of a MovieLens-1M-shaped item-kNN model over
 * loopback HTTP/1.1 keep-alive connections (two client threads, each served by its own connection thread), while a third connection
 * POSTs 100 events per second that update the model incrementally. Targets: ≥ 2,000 requests/s and p99 ≤ 20 ms,
 * no errors (any status but 200 fails the run; the count is printed).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Threads(2)
public class ServiceLoadBenchmark {

    private Dataset dataset;
    private RecommendServer server;
    private ScheduledExecutorService events;
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    @Setup(Level.Trial)
    public void serve() throws IOException {
        dataset = MovieLensShape.build();
        Algorithm<?> knn = AlgorithmRegistry.require("item-knn");
        Model model = knn.fit(dataset, knn.defaults().with("k", 30), Progress.NONE, Cancellation.NEVER);
        RecommendationService service = new RecommendationService(model);
        server = RecommendServer.start(service, 0);
        System.out.println("\nserving " + service.method() + " on " + server.address());
        Connection poster = new Connection(server.port());
        SplittableRandom random = new SplittableRandom(99);
        events = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-100-per-second");
            t.setDaemon(true);
            return t;
        });
        events.scheduleAtFixedRate(() -> {
            String body = "{\"user\":\"" + dataset.users().id(random.nextInt(dataset.userCount())) + "\",\"item\":\""
                    + dataset.items().id(random.nextInt(dataset.itemCount())) + "\",\"value\":"
                    + (1 + random.nextInt(5)) + "}";
            try {
                if (poster.post("/events", body) != 200) {
                    errors.incrementAndGet();
                }
                eventsSent.incrementAndGet();
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        events.shutdownNow();
        server.close();
        System.out.printf("%nLOAD events applied: %d, errors: %d%n", eventsSent.get(), errors.get());
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " requests failed");
        }
    }

    /** One client: its own keep-alive connection and random stream. */
    @State(Scope.Thread)
    public static class Client {
        Connection connection;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void connect(ServiceLoadBenchmark bench) throws IOException {
            connection = new Connection(bench.server.port());
            random = new SplittableRandom(Thread.currentThread().getId());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            connection.close();
        }
    }

    /** Requests per second (target ≥ 2,000). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int recommendThroughput(Client client) throws IOException {
        return recommend(client);
    }

    /** The latency distribution of the same requests (target p99 ≤ 20 ms). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int recommendLatency(Client client) throws IOException {
        return recommend(client);
    }

    private int recommend(Client client) throws IOException {
        String user = dataset.users().id(client.random.nextInt(dataset.userCount()));
        int status = client.connection.get("/recommend?user=" + user + "&n=10");
        if (status != 200) {
            errors.incrementAndGet();
            throw new IllegalStateException("GET /recommend answered " + status);
        }
        return status;
    }

    /** A minimal HTTP/1.1 client on one keep-alive socket: enough to keep the load generator cheap. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;

        Connection(int port) throws IOException {
            host = "Host: 127.0.0.1:" + port + "\r\n";
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        synchronized int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readResponse();
        }

        synchronized int post(String path, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return readResponse();
        }

        /** Reads the status line and headers, then exactly Content-Length bytes of body. */
        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = 0;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            in.skipNBytes(length);
            return code;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
