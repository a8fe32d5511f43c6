package org.recworkbench.algo.knn;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmsByHandTestAccess;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** kNN's Pearson can centre by each user's overall mean (seed article 000), as `similarity --vector-means` does. */
class OverallMeansTest {

    private static Model fit(String... params) {
        UserKnnAlgorithm a = new UserKnnAlgorithm();
        return a.fit(AlgorithmsByHandTestAccess.ratings(), ParamValues.parse(a.params(), List.of(params)),
                Progress.NONE, Cancellation.NEVER);
    }

    private static double similarityOf(Explanation e, String neighbour) {
        return e.contributions().stream().filter(c -> c.id().equals(neighbour)).findFirst()
                .map((Contribution c) -> c.value("similarity")).orElseThrow();
    }

    @Test
    void pearsonWithOverallMeansUsesEachUsersMeanOfAllTheirRatings() {
        var data = AlgorithmsByHandTestAccess.ratings();
        double overall = new Similarities(data, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON)
                .withVectorMeans(true)).pair(0, 2).value();
        double coRated = new Similarities(data, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON))
                .pair(0, 2).value();
        assertThat(Math.abs(overall - coRated)).as("the two conventions differ here").isGreaterThan(0.01);
        Explanation withOverall = fit("k=3", "similarity=pearson", "overall-means=true").explain(0, 3);
        Explanation withCoRated = fit("k=3", "similarity=pearson").explain(0, 3);
        // the fitted neighbourhood keeps similarities in single precision
        assertThat(similarityOf(withOverall, "u3")).isCloseTo(overall, within(1e-6));
        assertThat(similarityOf(withCoRated, "u3")).isCloseTo(coRated, within(1e-6));
        // other measures ignore it
        assertThat(fit("k=3", "overall-means=true").explain(0, 3).score())
                .isEqualTo(fit("k=3").explain(0, 3).score());
    }
}
