package org.recworkbench.cli;

import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.serve.RecommendServer;
import org.recworkbench.stream.RecommendationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Serve recommendations over HTTP on 127.0.0.1 only: GET /recommend?user=U&n=10,"
        + " GET /trending?n=10, POST /events (user, item, value[, time]; applied at once), POST /items (id,"
        + " title, text: new items, scored by content and hybrid models at once), GET /health."
        + " Runs until interrupted (Ctrl+C).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    ModelOrAlgorithm algorithm;

    @Mixin
    LiveOptions live;

    @Option(names = "--port", defaultValue = "8080",
            description = "Port on 127.0.0.1 (default 8080; 0 picks a free one)")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require \"Authorization: Bearer TOKEN\" on writes (POST /events, POST /items); \"auto\""
                    + " generates one and prints it. Default: no token (any local process may write)")
    String token;

    @Option(names = "--max-value", paramLabel = "V",
            description = "Largest event value accepted (default: the data's largest value: its rating scale's top,"
                    + " or for implicit data its largest count)")
    Double maxValue;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port must be between 0 and 65535; got " + port);
        }
        if (maxValue != null && !(Double.isFinite(maxValue) && maxValue > 0)) {
            throw new InvalidInputException("--max-value must be a positive number; got " + maxValue);
        }
        if (token != null && token.isBlank()) {
            throw new InvalidInputException("--token must not be blank; pass a secret or \"auto\"");
        }
        String writeToken = "auto".equals(token) ? generatedToken() : token;
        RecommendServer.Settings settings = RecommendServer.Settings.defaults().withToken(writeToken)
                .withMaxValue(maxValue == null ? Double.NaN : maxValue);
        Dataset data = source.load();
        Model model = algorithm.obtain(data);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (RecommendServer server = RecommendServer.start(new RecommendationService(model, live.options()), port,
                settings)) {
            out.printf("Serving %s (%s) on %s: http://127.0.0.1:%d/recommend?user=ID&n=10 (Ctrl+C stops)%n",
                    model.algorithmId(), model.params().summary(), data.name(), server.port());
            double[] range = server.valueRange();
            out.printf("Event values accepted: %s to %s%n", range[0], range[1]);
            if (writeToken != null) {
                out.printf("Writes need the header: Authorization: Bearer %s%n", writeToken);
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } catch (java.net.BindException e) {
            throw new InvalidInputException("Port " + port + " on 127.0.0.1 is in use; choose another with --port");
        }
        return 0;
    }

    /** 128 random bits as 32 hex digits. */
    static String generatedToken() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
