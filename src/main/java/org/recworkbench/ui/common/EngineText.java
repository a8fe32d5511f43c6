package org.recworkbench.ui.common;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.stream.RecommendationService;

/**
 * The engine's English names as the window shows them: looked up in the bundles by keys derived from their ids
 * ({@code algo.<id>.description}, {@code param.<algorithm>.<name>.label}, {@code measure.<cliName>} …). An id the
 * bundles do not know yet (an algorithm added after them) falls back to the engine's English text; the bundle test
 * lists every registered one, so a missing key fails there.
 */
public final class EngineText {

    private EngineText() {
    }

    public static String family(Family family) {
        return I18n.orElse("algo.family." + family.name(), family.label());
    }

    public static String description(Algorithm<?> algorithm) {
        return I18n.orElse("algo." + algorithm.id() + ".description", algorithm.description());
    }

    /** A parameter's label; {@code algorithmId} is the algorithm that declares it (a component's for {@code cf.k}). */
    public static String paramLabel(String algorithmId, ParamSpec spec) {
        return I18n.orElse(paramKey(algorithmId, spec) + ".label", spec.label());
    }

    public static String paramHelp(String algorithmId, ParamSpec spec) {
        return I18n.orElse(paramKey(algorithmId, spec) + ".help", spec.description());
    }

    public static String paramKey(String algorithmId, ParamSpec spec) {
        String name = spec.name();
        return "param." + algorithmId + "." + name.substring(name.lastIndexOf('.') + 1);
    }

    public static String measure(Measure measure) {
        return I18n.orElse("measure." + measure.cliName(), measure.label());
    }

    public static String kind(DatasetKind kind) {
        return I18n.orElse("common.kind." + kind.label(), kind.label());
    }

    public static String order(HeatmapOrder order) {
        return I18n.orElse("heatmap.order." + order.name(), order.label());
    }

    public static String orientation(Orientation orientation) {
        return I18n.orElse("heatmap.orientation." + orientation.cliName(), orientation.cliName());
    }

    public static String singular(Orientation orientation) {
        return I18n.orElse("heatmap.singular." + orientation.singular(), orientation.singular());
    }

    /** A run's or setting's parameter summary; the engine writes "defaults" when nothing differs. */
    public static String paramSummary(String summary) {
        return "defaults".equals(summary) ? I18n.t("common.params.defaults") : summary;
    }

    public static String source(RecommendationService.Source source) {
        return I18n.orElse("common.source." + source.label(), source.label());
    }
}
