package org.recworkbench.stream;

/** One interaction as it happened: who, what, how much, when (epoch seconds; NO_TIMESTAMP when unknown). */
public record Event(String user, String item, double value, int time) {
}
