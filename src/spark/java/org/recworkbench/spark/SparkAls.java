package org.recworkbench.spark;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.mf.AlsAlgorithm;
import org.recworkbench.algo.mf.ExternalFactors;
import org.recworkbench.algo.mf.ImplicitAlsAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains Spark MLlib's ALS on a workbench dataset and brings the factors back as the workbench's own ALS (explicit)
 * or implicit-ALS model. Users and items are sent by their index in the dataset, so the factors come back in the
 * dataset's order; a user or item Spark never saw keeps a zero vector.
 *
 * <p>Spark's explicit ALS minimises Σ (r − x·y)² + λ (n_u ‖x_u‖² + n_i ‖y_i‖²), the workbench's {@code als} with
 * {@code weighted=true}; its implicit ALS uses the linear confidence 1 + α·r (the workbench's
 * {@code confidence=linear}) and scales λ by the counts too, so the implicit factors differ from the workbench's
 * own for the same λ while ranking about as well (checked by the profile's test).
 */
public final class SparkAls {

    /** What to train: the ALS hyper-parameters and where Spark runs. */
    public record Settings(String master, boolean implicit, int factors, int iterations, double lambda, double alpha,
                           int seed) {
    }

    /** The model in the workbench's terms, and how long Spark took (session start included). */
    public record Result(Model model, double seconds) {
    }

    private SparkAls() {
    }

    public static Result train(Dataset dataset, Settings s) {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(s.master()).appName("recworkbench spark-als")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .getOrCreate();
        try {
            StructType schema = new StructType()
                    .add("user", DataTypes.IntegerType, false)
                    .add("item", DataTypes.IntegerType, false)
                    .add("rating", DataTypes.FloatType, false);
            org.apache.spark.sql.Dataset<Row> ratings = spark.createDataFrame(rows(dataset.ratings()), schema);
            ALS als = new ALS().setRank(s.factors()).setMaxIter(s.iterations()).setRegParam(s.lambda())
                    .setImplicitPrefs(s.implicit()).setAlpha(s.alpha()).setSeed(s.seed())
                    .setUserCol("user").setItemCol("item").setRatingCol("rating");
            ALSModel fitted = als.fit(ratings);
            double[] users = collect(fitted.userFactors(), dataset.userCount(), s.factors());
            double[] items = collect(fitted.itemFactors(), dataset.itemCount(), s.factors());
            Model model = s.implicit()
                    ? ExternalFactors.implicitAls(dataset, implicitValues(s), users, items, s.factors())
                    : ExternalFactors.als(dataset, explicitValues(s), users, items, s.factors());
            return new Result(model, (System.nanoTime() - start) / 1e9);
        } finally {
            spark.stop();
        }
    }

    /** The workbench parameters that describe this Spark model (its λ is Spark's, scaled by the counts). */
    static ParamValues explicitValues(Settings s) {
        AlsAlgorithm a = new AlsAlgorithm();
        return ParamValues.parse(a.params(), List.of("factors=" + s.factors(), "iterations=" + s.iterations(),
                "lambda=" + s.lambda(), "weighted=true", "seed=" + s.seed()));
    }

    static ParamValues implicitValues(Settings s) {
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        return ParamValues.parse(a.params(), List.of("factors=" + s.factors(), "iterations=" + s.iterations(),
                "lambda=" + s.lambda(), "alpha=" + s.alpha(), "confidence=linear", "seed=" + s.seed()));
    }

    private static List<Row> rows(RatingMatrix r) {
        List<Row> rows = new ArrayList<>(r.size());
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                rows.add(RowFactory.create(u, r.rowItem(p), r.rowValue(p)));
            }
        }
        return rows;
    }

    private static double[] collect(org.apache.spark.sql.Dataset<Row> factors, int count, int k) {
        double[] out = new double[count * k];
        for (Row row : factors.collectAsList()) {
            int id = row.getInt(0);
            List<Object> features = row.getList(1);
            for (int f = 0; f < k; f++) {
                out[id * k + f] = ((Number) features.get(f)).doubleValue();
            }
        }
        return out;
    }
}
