package org.recworkbench.algo;

/** The parameters of an algorithm that has none. */
public record NoParams() implements Params {
}
