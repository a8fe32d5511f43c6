package org.recworkbench.export;

import org.recworkbench.algo.ModelState;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A factor model's user and item factors as two CSV files for Python or R: {@code user_id,f1,…,fk} and
 * {@code item_id,f1,…,fk}, one row per user or item in index order, numbers as Java's shortest round-trip decimals
 * (dot decimals, {@code 1.0E-5} for small ones, which {@code float()} and pandas read). Ids are written as they are
 * (quoted when they hold a comma or quote), not neutralised for spreadsheets, so they join with the source data.
 */
public final class FactorCsv {

    public static final String USERS = "users.csv";
    public static final String ITEMS = "items.csv";
    public static final String FACTOR_ALGORITHMS = "biased-mf, als, implicit-als, bpr, nmf";

    private FactorCsv() {
    }

    /** True when the state holds user and item factors (the models {@link #FACTOR_ALGORITHMS} lists). */
    public static boolean hasFactors(ModelState state) {
        return state.arrays().containsKey("user-factors") && state.arrays().containsKey("item-factors");
    }

    /** Writes both files into {@code folder} (each atomically). */
    public static void write(ModelState state, Dataset dataset, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is " + AtomicFile.kindOf(folder) + "; expected a folder");
        }
        double[] users = state.doubles("user-factors", -1);
        double[] items = state.doubles("item-factors", -1);
        int k = dataset.userCount() == 0 ? 0 : users.length / dataset.userCount();
        if (k * dataset.userCount() != users.length || k * dataset.itemCount() != items.length) {
            throw new InvalidInputException("the factors do not fit the dataset's " + dataset.userCount()
                    + " users and " + dataset.itemCount() + " items");
        }
        AtomicFile.write(folder.resolve(USERS), out -> rows(out, "user_id", dataset.users(), users, k));
        AtomicFile.write(folder.resolve(ITEMS), out -> rows(out, "item_id", dataset.items(), items, k));
    }

    private static void rows(Writer out, String idColumn, IdIndex ids, double[] factors, int k) throws IOException {
        StringBuilder line = new StringBuilder(idColumn);
        for (int f = 1; f <= k; f++) {
            line.append(",f").append(f);
        }
        out.write(line.append('\n').toString());
        for (int row = 0; row < ids.size(); row++) {
            line.setLength(0);
            line.append(CsvWriter.quote(ids.id(row)));
            for (int f = 0; f < k; f++) {
                line.append(',').append(factors[row * k + f]);
            }
            out.write(line.append('\n').toString());
        }
    }

}
