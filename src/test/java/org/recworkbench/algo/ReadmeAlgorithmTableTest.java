package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.explain.Latex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's algorithm table names every algorithm, each of its parameters and their defaults as the code has them. */
class ReadmeAlgorithmTableTest {

    @Test
    void everyAlgorithmsRowListsItsParametersWithTheirDefaults() throws Exception {
        List<String> all = Files.readAllLines(Path.of("README.md"));
        // only the "## Algorithms" section: other tables (Exercises) name algorithms too
        int start = all.indexOf("## Algorithms");
        assertThat(start).as("README has an Algorithms section").isNotNegative();
        int end = start + 1;
        while (end < all.size() && !all.get(end).startsWith("## ")) {
            end++;
        }
        List<String> lines = all.subList(start, end);
        List<String> wrong = new ArrayList<>();
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            String params = paramsCell(lines, a.id());
            if (params == null) {
                wrong.add(a.id() + ": no row");
                continue;
            }
            for (ParamSpec p : a.params()) {
                if (p.name().equals("seed")) {
                    continue;
                }
                String shown = "`" + p.name() + "` (" + text(p.defaultValue());
                String grouped = "`" + p.name() + "` (" + grouped(p.defaultValue());
                if (!params.contains(shown) && !params.contains(grouped)) {
                    wrong.add(a.id() + ": expected " + shown + "…");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The parameters cell of the row whose first cell names the algorithm ({@code `p3alpha`, `rp3beta`} names two);
     * "same as user-knn" follows that row.
     */
    private static String paramsCell(List<String> lines, String id) {
        for (String line : lines) {
            String[] cells = line.split(" \\| ");
            if (line.startsWith("| ") && cells.length > 2 && cells[0].contains("`" + id + "`")) {
                String params = cells[2];
                return params.startsWith("same as ") ? paramsCell(lines, params.substring(8).strip()) : params;
            }
        }
        return null;
    }

    /** 20000 as the README writes large numbers: 20,000. */
    private static String grouped(Object value) {
        return value instanceof Integer i ? String.format(java.util.Locale.ROOT, "%,d", i) : text(value);
    }

    private static String text(Object value) {
        return value instanceof Double d ? Latex.num(d) : String.valueOf(value);
    }
}
