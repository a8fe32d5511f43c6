package org.recworkbench.stream;

import org.recworkbench.similarity.SimilarityMatrix;

/** Each item's most similar items, best first: what session re-scoring walks from the user's recent items. */
public interface ItemNeighbours {

    int neighbourCount(int item);

    int neighbour(int item, int rank);

    double similarityAt(int item, int rank);

    /** A fitted model's neighbour pool (items it has not seen have no neighbours). */
    static ItemNeighbours of(SimilarityMatrix pool) {
        return new ItemNeighbours() {
            public int neighbourCount(int item) {
                return item < pool.rows() ? pool.neighbourCount(item) : 0;
            }

            public int neighbour(int item, int rank) {
                return pool.neighbourAt(pool.start(item) + rank);
            }

            public double similarityAt(int item, int rank) {
                return pool.similarityAt(pool.start(item) + rank);
            }
        };
    }
}
