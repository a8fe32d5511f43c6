package org.recworkbench.ui.live;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NoParams;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

/**
 * An "algorithm" whose fit hands back a model fitted before, on the same training events: a replay session can so
 * be rebuilt with another N, session weight or half-life without refitting (the engine's {@code ReplaySession}
 * offers no such rebuild; see the report's wishes).
 */
final class Prefitted implements Algorithm<NoParams> {

    private final Model model;

    Prefitted(Model model) {
        this.model = model;
    }

    @Override
    public String id() {
        return model.algorithmId();
    }

    @Override
    public Family family() {
        return AlgorithmRegistry.find(model.algorithmId()).map(Algorithm::family).orElse(Family.BASELINE);
    }

    @Override
    public String description() {
        return org.recworkbench.ui.common.I18n.t("live.prefitted", model.algorithmId());
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public NoParams bind(ParamValues values) {
        return new NoParams();
    }

    @Override
    public Model fit(Dataset train, NoParams params, Progress progress, Cancellation cancellation) {
        if (train.interactionCount() != model.dataset().interactionCount()) {
            throw new IllegalStateException("the fitted model was trained on " + model.dataset().interactionCount()
                    + " events, not " + train.interactionCount());
        }
        progress.report(1, org.recworkbench.ui.common.I18n.t("live.progress.reusing", model.algorithmId()));
        return model;
    }
}
