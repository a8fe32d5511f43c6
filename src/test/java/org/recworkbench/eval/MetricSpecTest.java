package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricSpecTest {

    @Test
    void parsesAListKeepingOrderAndDroppingDuplicates() {
        List<MetricSpec> specs = MetricSpec.parseList(" RMSE, precision@10 ,rmse,,ndcg-graded@5,auc,gini@20,ndcg@10");
        assertThat(specs).extracting(MetricSpec::key)
                .containsExactly("rmse", "precision@10", "ndcg-graded@5", "auc", "gini@20", "ndcg@10");
        assertThat(specs).extracting(MetricSpec::group).containsExactly(MetricSpec.Group.RATING,
                MetricSpec.Group.RANKING, MetricSpec.Group.RANKING, MetricSpec.Group.AUC, MetricSpec.Group.BEYOND,
                MetricSpec.Group.RANKING);
        assertThat(specs.get(1).rankingMetric()).isEqualTo(RankingMetric.PRECISION);
        assertThat(specs.get(2).rankingMetric()).isEqualTo(RankingMetric.NDCG_GRADED);
        assertThat(specs.get(1).n()).isEqualTo(10);
        assertThat(specs.get(0).n()).isZero();
        assertThat(specs.get(1).toString()).isEqualTo("precision@10");
    }

    @Test
    void everyRankingLabelParses() {
        for (RankingMetric m : RankingMetric.values()) {
            MetricSpec s = MetricSpec.parse(m.label() + "@3");
            assertThat(s.group()).isEqualTo(MetricSpec.Group.RANKING);
            assertThat(s.rankingMetric()).isEqualTo(m);
        }
        for (String b : MetricSpec.BEYOND) {
            assertThat(MetricSpec.parse(b + "@5").group()).isEqualTo(MetricSpec.Group.BEYOND);
        }
        for (String r : MetricSpec.RATING) {
            assertThat(MetricSpec.parse(r).group()).isEqualTo(MetricSpec.Group.RATING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"precision", "rmse@10", "auc@5", "gini", "bogus@3", "precision@0", "precision@10001",
            "ndcg@ten", "ndcg@-1"})
    void rejectsBadSpecs(String text) {
        assertThatThrownBy(() -> MetricSpec.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesHelp() {
        assertThatThrownBy(() -> MetricSpec.parse("precision")).hasMessageContaining("precision@10");
        assertThatThrownBy(() -> MetricSpec.parse("rmse@3")).hasMessageContaining("takes no cut-off");
        assertThatThrownBy(() -> MetricSpec.parse("bogus")).hasMessageContaining("unknown metric 'bogus'")
                .hasMessageContaining("ndcg@N").hasMessageContaining("rmse");
        assertThatThrownBy(() -> MetricSpec.parseList(" , ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no metrics");
    }

    @Test
    void defaults() {
        assertThat(MetricSpec.defaults(true)).extracting(MetricSpec::key)
                .containsExactly("rmse", "mae", "coverage", "precision@10", "recall@10", "ndcg@10");
        assertThat(MetricSpec.defaults(false)).extracting(MetricSpec::group).doesNotContain(MetricSpec.Group.RATING);
    }
}
