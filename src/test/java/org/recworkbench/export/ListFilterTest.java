package org.recworkbench.export;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exported lists may include items the user already has, or keep to one category. */
class ListFilterTest {

    private static Dataset shop() {
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.IMPLICIT);
        b.item("a", "Apple", new String[] {"fruit"}, "");
        b.item("b", "Bread", new String[] {"bakery"}, "");
        b.item("c", "Cherry", new String[] {"fruit"}, "");
        b.item("d", "Doughnut", new String[] {"bakery"}, "");
        b.add("u1", "a", 5).add("u1", "b", 1);
        b.add("u2", "a", 3).add("u2", "c", 1).add("u2", "d", 1);
        b.add("u3", "a", 2).add("u3", "b", 2).add("u3", "c", 2);
        return b.build();
    }

    private static List<String> lines(Model m, int user, ListFilter filter) throws Exception {
        StringWriter out = new StringWriter();
        RecommendationExport.write(m, new int[] {user}, 4, false, filter, out, Progress.NONE, Cancellation.NEVER);
        return out.toString().lines().skip(1).map(l -> l.split(",")[2]).toList();
    }

    @Test
    void seenItemsAndCategoriesFilterTheExportedList() throws Exception {
        Dataset d = shop();
        Model popular = AlgorithmRegistry.require("popular").fit(d, AlgorithmRegistry.require("popular").defaults(),
                Progress.NONE, Cancellation.NEVER);
        int u1 = d.users().indexOf("u1");
        // popularity: a 3, b 2, c 2, d 1 (ties by index)
        assertThat(lines(popular, u1, ListFilter.UNSEEN)).containsExactly("c", "d");
        assertThat(lines(popular, u1, new ListFilter(true, null))).containsExactly("a", "b", "c", "d");
        assertThat(lines(popular, u1, new ListFilter(true, "fruit"))).containsExactly("a", "c");
        assertThat(lines(popular, u1, new ListFilter(false, "bakery"))).containsExactly("d");
        assertThat(new ListFilter(true, "fruit").describe()).isEqualTo("all items, seen ones included, category fruit");
    }
}
