package org.recworkbench.spark;

import org.recworkbench.cli.CliExtension;

import java.util.List;

/** Adds {@code spark-als} to the command line when the Spark profile's classes are on the class path. */
public final class SparkCliExtension implements CliExtension {

    @Override
    public List<Object> commands() {
        return List.of(new SparkAlsCommand());
    }
}
