package org.recworkbench.algo.neural;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.EarlyStopRuns;

import java.util.List;

/** NCF's early stop watches the AUC of a held-out tenth of the interactions and keeps its best epoch's network. */
class NcfEarlyStopTest {

    @Test
    void ncfStopsOnTheHeldOutAucAndZeroTrainsAsBefore() {
        EarlyStopRuns.assertStopsEarlyAndZeroTrainsAsBefore("ncf", EarlyStopRuns.clustered(), 40,
                List.of("embedding=8", "layers=16", "epochs=40", "learning-rate=0.02"), 3);
    }
}
