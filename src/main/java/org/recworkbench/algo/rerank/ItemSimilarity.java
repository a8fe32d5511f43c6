package org.recworkbench.algo.rerank;

import org.recworkbench.algo.content.ContentModel;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Similarities;

import java.util.List;
import java.util.Map;

/** Item-item similarity for diversity: of rating columns, or of TF-IDF texts. */
interface ItemSimilarity {

    double between(int a, int b);

    String description();

    static ItemSimilarity of(Similarities sims) {
        return new ItemSimilarity() {
            @Override
            public double between(int a, int b) {
                return sims.pair(a, b).value();
            }

            @Override
            public String description() {
                return Words.t("mmr.similarityRatings");
            }
        };
    }

    static ItemSimilarity content(Dataset train, Progress progress, Cancellation cancellation) {
        ContentTfidfAlgorithm tfidf = new ContentTfidfAlgorithm();
        ContentModel model = (ContentModel) tfidf.fit(train, tfidf.defaults(), progress, cancellation);
        return new ItemSimilarity() {
            @Override
            public double between(int a, int b) {
                List<Map.Entry<String, Double>> x = model.itemTerms(a);
                List<Map.Entry<String, Double>> y = model.itemTerms(b);
                double dot = 0;
                for (Map.Entry<String, Double> e : x) {
                    for (Map.Entry<String, Double> f : y) {
                        if (e.getKey().equals(f.getKey())) {
                            dot += e.getValue() * f.getValue();
                        }
                    }
                }
                return dot;
            }

            @Override
            public String description() {
                return Words.t("mmr.similarityContent");
            }
        };
    }

}
