package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pearson over co-rated entries: a correlation that is exactly 1 comes out exactly 1.0, and equal correlations are
 * equal doubles, so top-K ties go to the lower index as documented (Σab − ΣaΣb/n gave 0.9999999999999987 for an
 * exact r = 1, and which of two tied neighbours was kept depended on rounding).
 */
class PearsonTiesTest {

    /**
     * u0 = (5, 1, 3, 1, 4); u1 = u0 + 3 and u2 = u0 + 1 both correlate exactly 1 with it (the old formula gave
     * 0.9999999999999994 and 1.0, so the top-1 went to u2); u3 does not.
     */
    private static Dataset users() {
        double[] a = {5, 1, 3, 1, 4};
        DatasetBuilder b = new DatasetBuilder("lines", DatasetKind.EXPLICIT);
        for (int i = 0; i < a.length; i++) {
            b.add("u0", "i" + i, a[i]);
            b.add("u1", "i" + i, a[i] + 3);
            b.add("u2", "i" + i, a[i] + 1);
            b.add("u3", "i" + i, i % 2 == 0 ? 5 : 1);
        }
        return b.build();
    }

    @Test
    void anExactCorrelationOfOneIsExactlyOneAndTiesStayTies() {
        Similarities s = new Similarities(users(), Orientation.USERS, SimilarityOptions.of(Measure.PEARSON));
        int u0 = users().users().indexOf("u0");
        int u1 = users().users().indexOf("u1");
        int u2 = users().users().indexOf("u2");
        assertThat(s.pair(u0, u1).value()).isEqualTo(1.0);
        assertThat(s.pair(u0, u2).value()).isEqualTo(1.0);
        assertThat(s.pair(u1, u2).value()).isEqualTo(1.0);
        double[] row = s.row(u0, null);
        assertThat(row[u1]).isEqualTo(1.0);
        assertThat(row[u2]).isEqualTo(row[u1]);
    }

    @Test
    void aTieAtTheTopKCutGoesToTheLowerIndex() {
        Dataset d = users();
        Similarities s = new Similarities(d, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON));
        SimilarityMatrix top = s.topK(1, Progress.NONE, Cancellation.NEVER);
        int u0 = d.users().indexOf("u0");
        int u1 = d.users().indexOf("u1");
        int u2 = d.users().indexOf("u2");
        assertThat(top.neighbourCount(u0)).isEqualTo(1);
        assertThat(top.neighbourAt(top.start(u0))).isEqualTo(Math.min(u1, u2));
        assertThat(top.similarityAt(top.start(u0))).isEqualTo(1.0f);
    }
}
