package org.recworkbench.export;

import org.recworkbench.similarity.SimilarityHeatmap;

import java.io.Writer;

/** A heatmap's matrix as CSV: a header of ids, then one row per id with its similarities, in display order. */
public final class HeatmapExport {

    private HeatmapExport() {
    }

    public static void csv(SimilarityHeatmap h, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.text(h.orientation().singular());
        for (int c = 0; c < h.size(); c++) {
            csv.text(h.id(c));
        }
        csv.endRow();
        for (int r = 0; r < h.size(); r++) {
            csv.text(h.id(r));
            for (int c = 0; c < h.size(); c++) {
                csv.number(h.value(r, c));
            }
            csv.endRow();
        }
    }
}
