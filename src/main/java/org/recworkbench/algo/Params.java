package org.recworkbench.algo;

/**
 * Marker for an algorithm's typed parameter record, validated in its compact constructor and bound from
 * {@link ParamValues} by {@link Algorithm#bind}.
 */
public interface Params {
}
