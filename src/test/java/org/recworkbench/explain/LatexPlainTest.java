package org.recworkbench.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-text rendering used by the CLI and "copy as text". */
class LatexPlainTest {

    @Test
    void setsSpacingAndOperatorsBecomeReadableText() {
        assertThat(Latex.toPlain("C = I_a \\cap I_b, \\; n = |C|")).isEqualTo("C = I_a ∩ I_b,   n = |C|");
        assertThat(Latex.toPlain("C = \\{u1, u2\\}")).isEqualTo("C = {u1, u2}");
        assertThat(Latex.toPlain("\\frac{106}{27.6 \\cdot 21.9}")).isEqualTo("(106)/(27.6 · 21.9)");
        assertThat(Latex.toPlain("n < n_{\\min} \\Rightarrow s = 0")).isEqualTo("n < n_(min) ⇒ s = 0");
        assertThat(Latex.toPlain("\\sqrt{\\sum_{c} a_c^2}")).isEqualTo("sqrt(Σ_(c) a_c^2)");
        assertThat(Latex.toPlain("x \\leq 1, \\; y \\geq 2")).isEqualTo("x ≤ 1,   y ≥ 2");
    }
}
