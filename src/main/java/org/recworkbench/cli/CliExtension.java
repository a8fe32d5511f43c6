package org.recworkbench.cli;

import java.util.List;

/**
 * Commands that optional modules add to the command line, found with {@link java.util.ServiceLoader}: the Spark
 * profile's {@code spark-als} registers itself this way, so the default build knows nothing of Spark.
 */
public interface CliExtension {

    /** picocli command objects (classes annotated with {@code @Command}), each added as a subcommand. */
    List<Object> commands();
}
