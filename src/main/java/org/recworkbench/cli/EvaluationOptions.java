package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.Splitter;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.ValidationSplit;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Option;

import java.util.List;

/** The options {@code evaluate} and {@code sweep} share: split, metrics, relevance, candidates, seed. */
public final class EvaluationOptions {

    @Option(names = "--split", paramLabel = "SPEC",
            description = "holdout:0.2 (default), user-holdout:F, given:N, kfold:K, temporal:F, leave-last:N, "
                    + "leave-one-out")
    String split;

    @Option(names = "--test-dataset", paramLabel = "NAME",
            description = "Test on this stored dataset instead of splitting (e.g. u1.test beside u1.base)")
    String testDataset;

    @Option(names = "--validation", paramLabel = "F",
            description = "Carve a validation part (a fraction F of each fold's training data) and measure on it "
                    + "instead of the test; a sweep then chooses on validation and reports the choice on the test")
    Double validation;

    @Option(names = "--validation-dataset", paramLabel = "NAME",
            description = "Measure on this stored dataset's entries as validation instead of a carved fraction "
                    + "(entries the training data holds are taken out of it)")
    String validationDataset;

    @Option(names = "--metrics", paramLabel = "LIST",
            description = "Comma-separated, e.g. rmse,mae,precision@10,ndcg@10,auc (default depends on the data)")
    String metrics;

    @Option(names = "--relevance", paramLabel = "R",
            description = "Explicit data: a test rating ≥ R is relevant (default 4); implicit: any interaction")
    Double relevance;

    @Option(names = "--sampled-negatives", paramLabel = "N", defaultValue = "0",
            description = "Rank each user's relevant items among N sampled unseen items instead of all (default: all)")
    int sampledNegatives;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the sampling (default 42)")
    long seed;

    @Option(names = "--no-save", description = "Do not record the run in the history")
    boolean noSave;

    Splitter splitter(Workspace workspace) {
        Splitter outer = outerSplitter(workspace);
        if (validationDataset != null) {
            if (validation != null) {
                throw new InvalidInputException("give either --validation or --validation-dataset, not both");
            }
            return ValidationSplit.given(outer, workspace.datasets().load(validationDataset));
        }
        if (validation == null) {
            return outer;
        }
        try {
            return new ValidationSplit(outer, validation);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--validation: " + e.getMessage());
        }
    }

    private Splitter outerSplitter(Workspace workspace) {
        if (testDataset != null && split != null) {
            throw new InvalidInputException("give either --split or --test-dataset, not both");
        }
        if (testDataset != null) {
            return new GivenTestSet(workspace.datasets().load(testDataset));
        }
        try {
            return Splitters.parse(split == null ? "holdout:0.2" : split);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--split: " + e.getMessage());
        }
    }

    List<MetricSpec> metrics(Dataset data) {
        try {
            return metrics == null ? MetricSpec.defaults(data.kind() == DatasetKind.EXPLICIT)
                    : MetricSpec.parseList(metrics);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--metrics: " + e.getMessage());
        }
    }

    Relevance relevance(Dataset data) {
        if (data.kind() == DatasetKind.EXPLICIT) {
            return Relevance.explicit(relevance == null ? 4 : relevance);
        }
        return Relevance.implicit();
    }

    Candidates candidates() {
        if (sampledNegatives < 0) {
            throw new InvalidInputException("--sampled-negatives must be ≥ 0; got " + sampledNegatives);
        }
        return sampledNegatives == 0 ? Candidates.FULL : Candidates.sampled(sampledNegatives);
    }
}
