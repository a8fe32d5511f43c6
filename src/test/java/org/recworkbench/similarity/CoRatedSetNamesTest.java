package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Step;

import static org.assertj.core.api.Assertions.assertThat;

/** Two items are compared over the users who rated each (U_a ∩ U_b), two users over the items each rated (I_a ∩ I_b). */
class CoRatedSetNamesTest {

    private static Dataset ratings() {
        DatasetBuilder b = new DatasetBuilder("small", DatasetKind.EXPLICIT);
        b.add("u0", "i0", 5);
        b.add("u0", "i1", 3);
        b.add("u1", "i0", 4);
        b.add("u1", "i1", 2);
        b.add("u2", "i1", 1);
        return b.build();
    }

    private static Step coRated(Orientation orientation) {
        return new Similarities(ratings(), orientation, SimilarityOptions.of(Measure.COSINE)).explain(0, 1)
                .derivation().steps().stream().filter(s -> s.title().startsWith("Co-rated")).findFirst().orElseThrow();
    }

    @Test
    void itemsAreComparedOverTheirUsersAndUsersOverTheirItems() {
        Step items = coRated(Orientation.ITEMS);
        assertThat(items.latex()).isEqualTo("C = U_a \\cap U_b, \\; n = |C|");
        // i0 was rated by u0 and u1, i1 by all three
        assertThat(items.substituted()).endsWith("|U_a| = 2, \\; |U_b| = 3");
        Step users = coRated(Orientation.USERS);
        assertThat(users.latex()).isEqualTo("C = I_a \\cap I_b, \\; n = |C|");
        assertThat(users.substituted()).endsWith("|I_a| = 2, \\; |I_b| = 2");
    }
}
