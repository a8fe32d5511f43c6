package org.recworkbench.examples;

/** The computation behind one formula kind of the seed examples, done with the engine's own functions. */
interface ExampleFormula {

    /** Computes every value the example's printed numbers refer to, recording the derivation into {@code c}. */
    void compute(SeedExample example, Computation c);
}
