package org.recworkbench.ui.tune;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import static org.assertj.core.api.Assertions.assertThat;

/** One click per rating: star k is the rating k on a 1–5 scale, an even step on any other. */
class StarScaleTest {

    @Test
    void aOneToFiveScaleHasFiveStarsWorthTheirNumber() {
        StarScale scale = StarScale.of(DatasetBuilder.fromMatrix("m", DatasetKind.EXPLICIT,
                new double[][] {{1, 5}, {3, Double.NaN}}));

        assertThat(scale.stars()).isEqualTo(5);
        assertThat(scale.value(1)).isEqualTo(1);
        assertThat(scale.value(4)).isEqualTo(4);
        assertThat(scale.describe()).isEqualTo("1–5");
    }

    @Test
    void aSignedScaleIsSpreadOverFiveStepsAndImplicitDataHasOne() {
        StarScale jester = StarScale.of(-10, 10);
        assertThat(jester.stars()).isEqualTo(5);
        assertThat(jester.value(1)).isEqualTo(-10);
        assertThat(jester.value(3)).isEqualTo(0);
        assertThat(jester.value(5)).isEqualTo(10);
        assertThat(StarScale.of(0.5, 5).value(1)).isEqualTo(1);
        assertThat(StarScale.of(DatasetBuilder.fromMatrix("c", DatasetKind.IMPLICIT, new double[][] {{1, 1}}))
                .stars()).isEqualTo(1);
    }
}
