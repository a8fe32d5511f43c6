package org.recworkbench.eval;

/** Accuracy of one user's top-N list against their relevant test items. Each is in [0, 1]. */
public enum RankingMetric {

    /** |hits in the top n| / n. */
    PRECISION("precision") {
        @Override
        public double of(RankedList l, int n) {
            return (double) l.hits(n) / n;
        }
    },
    /** |hits| / |relevant|. */
    RECALL("recall") {
        @Override
        public double of(RankedList l, int n) {
            return (double) l.hits(n) / l.relevantCount();
        }
    },
    /** |hits| / min(n, |relevant|): recall that a perfect list can bring to 1 when |relevant| > n. */
    NORMALISED_RECALL("nrecall") {
        @Override
        public double of(RankedList l, int n) {
            return (double) l.hits(n) / Math.min(n, l.relevantCount());
        }
    },
    /** 2PR / (P + R), 0 when both are 0. */
    F1("f1") {
        @Override
        public double of(RankedList l, int n) {
            double p = PRECISION.of(l, n);
            double r = RECALL.of(l, n);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    },
    /** 1 if any relevant item is in the top n. */
    HIT_RATE("hit") {
        @Override
        public double of(RankedList l, int n) {
            return l.hits(n) > 0 ? 1 : 0;
        }
    },
    /** 1 / rank of the first relevant item in the top n, 0 if none. */
    MRR("mrr") {
        @Override
        public double of(RankedList l, int n) {
            for (int k = 0; k < Math.min(n, l.relevant().length); k++) {
                if (l.relevant()[k]) {
                    return 1.0 / (k + 1);
                }
            }
            return 0;
        }
    },
    /** Average precision: Σ over relevant ranks k ≤ n of P@k, divided by min(n, |relevant|). */
    MAP("map") {
        @Override
        public double of(RankedList l, int n) {
            double sum = 0;
            int hits = 0;
            for (int k = 0; k < Math.min(n, l.relevant().length); k++) {
                if (l.relevant()[k]) {
                    hits++;
                    sum += (double) hits / (k + 1);
                }
            }
            return sum / Math.min(n, l.relevantCount());
        }
    },
    /** DCG / ideal DCG with gain 1 per relevant item: Σ rel_k / log₂(k + 1) over ranks k = 1 … n. */
    NDCG("ndcg") {
        @Override
        public double of(RankedList l, int n) {
            double dcg = 0;
            for (int k = 0; k < Math.min(n, l.relevant().length); k++) {
                dcg += l.relevant()[k] ? discount(k) : 0;
            }
            double ideal = 0;
            for (int k = 0; k < Math.min(n, l.relevantCount()); k++) {
                ideal += discount(k);
            }
            return dcg / ideal;
        }
    },
    /** DCG / ideal DCG with graded gains (the rating of a relevant item; 1 for implicit data). */
    NDCG_GRADED("ndcg-graded") {
        @Override
        public double of(RankedList l, int n) {
            double dcg = 0;
            for (int k = 0; k < Math.min(n, l.gains().length); k++) {
                dcg += l.gains()[k] * discount(k);
            }
            double ideal = 0;
            for (int k = 0; k < Math.min(n, l.idealGains().length); k++) {
                ideal += l.idealGains()[k] * discount(k);
            }
            return ideal == 0 ? 0 : dcg / ideal;
        }
    };

    private final String label;

    RankingMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value for a list with at least one relevant item; n ≥ 1 is the cut-off. */
    public abstract double of(RankedList list, int n);

    /** 1 / log₂(rank + 1) for the 0-based rank k. */
    static double discount(int k) {
        return 1 / (Math.log(k + 2) / Math.log(2));
    }
}
