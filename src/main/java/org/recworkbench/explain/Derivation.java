package org.recworkbench.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic behind one number, as ordered steps. Derivations are recorded by the code that computes the
 * number while it computes it, so what the formula view shows cannot drift from what the engine returns.
 */
public record Derivation(String title, List<Step> steps) {

    public Derivation {
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
    }

    /** The value of the last step: the number this derivation explains. */
    public double result() {
        return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).value();
    }

    /** Plain text, one step per line, for the command line and "copy as text". */
    public String toText() {
        StringBuilder s = new StringBuilder(title).append('\n');
        int number = 1;
        for (Step step : steps) {
            s.append(number++).append(". ").append(step.title()).append('\n')
                    .append("   ").append(Latex.toPlain(step.latex())).append('\n')
                    .append("   = ").append(Latex.toPlain(step.substituted()));
            if (!Double.isNaN(step.value())) {
                s.append(" = ").append(Latex.num(step.value()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * The whole derivation as a LaTeX {@code align*} block, one step per line with its title as a comment and
     * text, for "copy as LaTeX".
     */
    public String toLatex() {
        StringBuilder s = new StringBuilder("% ").append(title).append('\n').append("\\begin{align*}\n");
        int number = 1;
        for (Step step : steps) {
            s.append("% ").append(number++).append(". ").append(step.title()).append('\n')
                    .append("  & ").append(step.latex());
            if (!step.substituted().isEmpty()) {
                s.append(" = ").append(step.substituted());
            }
            if (!Double.isNaN(step.value())) {
                s.append(" = ").append(Latex.num(step.value()));
            }
            s.append(" \\\\\n");
        }
        return s.append("\\end{align*}\n").toString();
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * Collects steps while a computation runs. A computation that is not being explained receives
     * {@link #NONE}, which records nothing, so the same code path serves both uses.
     */
    public static class Builder {

        /** A builder that ignores every step: for computations nobody asked to explain. */
        public static final Builder NONE = new Builder("") {
            @Override
            public double step(String title, String latex, String substituted, double value) {
                return value;
            }

            @Override
            public boolean recording() {
                return false;
            }
        };

        private final String title;
        private final List<Step> steps = new ArrayList<>();

        Builder(String title) {
            this.title = title;
        }

        /** Records a step and passes its value through, so a computation can be written as a chain of steps. */
        public double step(String title, String latex, String substituted, double value) {
            add(new Step(title, latex, substituted, value));
            return value;
        }

        /**
         * Records a step whose title comes from the {@link Words} bundles: the text in the engine's language, the
         * key kept with the step so hints and checks do not depend on the language. Nothing is looked up for
         * {@link #NONE}.
         */
        public double step(Words.Phrase title, String latex, String substituted, double value) {
            if (recording()) {
                add(new Step(title.text(), latex, substituted, value, title.key()));
            }
            return value;
        }

        /** Adds a finished step (NONE ignores it). */
        protected void add(Step step) {
            steps.add(step);
        }

        /** False for {@link #NONE}: lets callers skip building substitution strings nobody will read. */
        public boolean recording() {
            return true;
        }

        public Derivation build() {
            return new Derivation(title, steps);
        }
    }
}
