package org.recworkbench.algo.linear;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EASE refuses, with its estimate, catalogues that max-items lets through but that cannot be fitted. */
class EaseLimitsTest {

    private static final long GIB = 1L << 30;

    @Test
    void fiftyThousandItemsAreRefusedWhateverMaxItemsSays() {
        assertThatThrownBy(() -> EaseAlgorithm.requireAffordable(50_000, 50_000, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ease on 50000 items needs 46.6 GiB and about 62500 s;")
                .hasMessageContaining("at most 46340 items")
                .hasMessageNotContaining("please report");
    }

    @Test
    void aCatalogueLargerThanTheFreeHeapIsRefusedWithTheEstimate() {
        assertThatThrownBy(() -> EaseAlgorithm.requireAffordable(25_000, 50_000, 2 * GIB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ease on 25000 items needs 11.6 GiB and about 7813 s, but only 2.0 GiB of memory is"
                        + " free (start with a larger -Xmx, or filter the catalogue to fewer items)");
    }

    @Test
    void aCatalogueTheHeapCanHoldIsAccepted() {
        assertThatCode(() -> EaseAlgorithm.requireAffordable(5_000, 20_000, 2 * GIB)).doesNotThrowAnyException();
    }

    @Test
    void theLargestMatrixIsTheLargestWhoseEntriesAnIntCanIndex() {
        long n = EaseAlgorithm.LARGEST_MATRIX_ITEMS;
        org.assertj.core.api.Assertions.assertThat(n * n).isLessThan(Integer.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThat((n + 1) * (n + 1)).isGreaterThan(Integer.MAX_VALUE);
    }
}
