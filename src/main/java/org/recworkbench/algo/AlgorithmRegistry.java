package org.recworkbench.algo;

import org.recworkbench.algo.baseline.BiasAlgorithm;
import org.recworkbench.algo.baseline.GlobalMeanAlgorithm;
import org.recworkbench.algo.baseline.ItemMeanAlgorithm;
import org.recworkbench.algo.baseline.RandomAlgorithm;
import org.recworkbench.algo.baseline.UserMeanAlgorithm;
import org.recworkbench.algo.baseline.PopularAlgorithm;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.algo.hybrid.HybridAlgorithm;
import org.recworkbench.algo.knn.ItemKnnAlgorithm;
import org.recworkbench.algo.knn.SeedCfAlgorithm;
import org.recworkbench.algo.knn.SlopeOneAlgorithm;
import org.recworkbench.algo.knn.UserKnnAlgorithm;
import org.recworkbench.algo.content.SeedLatentAlgorithm;
import org.recworkbench.algo.graph.RandomWalkAlgorithm;
import org.recworkbench.algo.linear.EaseAlgorithm;
import org.recworkbench.algo.mf.AlsAlgorithm;
import org.recworkbench.algo.mf.BprAlgorithm;
import org.recworkbench.algo.mf.NmfAlgorithm;
import org.recworkbench.algo.mf.SvdAlgorithm;
import org.recworkbench.algo.mf.SvdPlusPlusAlgorithm;
import org.recworkbench.algo.neural.NcfAlgorithm;
import org.recworkbench.algo.rerank.MmrAlgorithm;
import org.recworkbench.algo.mf.BiasedMfAlgorithm;
import org.recworkbench.algo.mf.ImplicitAlsAlgorithm;
import org.recworkbench.data.InvalidInputException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every algorithm the workbench offers, in the order the chooser lists them. */
public final class AlgorithmRegistry {

    private static final List<Algorithm<?>> ALL = List.of(
            new PopularAlgorithm(),
            new GlobalMeanAlgorithm(),
            new BiasAlgorithm(),
            new UserMeanAlgorithm(),
            new ItemMeanAlgorithm(),
            new RandomAlgorithm(),
            new UserKnnAlgorithm(),
            new ItemKnnAlgorithm(),
            new SeedCfAlgorithm(),
            new SlopeOneAlgorithm(),
            new ContentTfidfAlgorithm(),
            new HybridAlgorithm(),
            new BiasedMfAlgorithm(),
            new AlsAlgorithm(),
            new ImplicitAlsAlgorithm(),
            new BprAlgorithm(),
            new SvdAlgorithm(),
            new NmfAlgorithm(),
            new SvdPlusPlusAlgorithm(),
            new EaseAlgorithm(),
            RandomWalkAlgorithm.p3alpha(),
            RandomWalkAlgorithm.rp3beta(),
            new SeedLatentAlgorithm(),
            new NcfAlgorithm(),
            new MmrAlgorithm());

    private AlgorithmRegistry() {
    }

    public static List<Algorithm<?>> all() {
        return ALL;
    }

    public static Optional<Algorithm<?>> find(String id) {
        return ALL.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** @throws InvalidInputException naming the known ids */
    public static Algorithm<?> require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("Unknown algorithm \"" + id
                + "\"; expected one of " + ids()));
    }

    public static String ids() {
        return ALL.stream().map(Algorithm::id).collect(Collectors.joining(", "));
    }
}
