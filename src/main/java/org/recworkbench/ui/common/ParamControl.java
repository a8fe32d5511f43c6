package org.recworkbench.ui.common;

import org.recworkbench.algo.ParamSpec;

/**
 * Maps a numeric parameter onto a slider's [0, 1000] track: linear, or logarithmic for specs flagged log-scale
 * (so λ from 0.0001 to 1000 gets as much track per decade).
 */
public final class ParamControl {

    public static final double TRACK = 1000;

    private ParamControl() {
    }

    public static double toTrack(ParamSpec spec, double value) {
        if (spec.logScale() && spec.min() > 0) {
            return TRACK * (Math.log(value) - Math.log(spec.min())) / (Math.log(spec.max()) - Math.log(spec.min()));
        }
        return TRACK * (value - spec.min()) / (spec.max() - spec.min());
    }

    /** The value at a track position, rounded to the spec's step (and to a whole number for integers). */
    public static double fromTrack(ParamSpec spec, double track) {
        double f = Math.max(0, Math.min(1, track / TRACK));
        double v;
        if (spec.logScale() && spec.min() > 0) {
            v = Math.exp(Math.log(spec.min()) + f * (Math.log(spec.max()) - Math.log(spec.min())));
            double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 1);
            v = Math.round(v / magnitude) * magnitude;
        } else {
            v = spec.min() + f * (spec.max() - spec.min());
            if (spec.step() > 0) {
                v = spec.min() + Math.round((v - spec.min()) / spec.step()) * spec.step();
            }
        }
        v = Math.round(v * 1e9) / 1e9;
        return Math.max(spec.min(), Math.min(spec.max(), v));
    }
}
