package org.recworkbench.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** ViewModel tests run without a stage: only the (headless) JavaFX toolkit, and calls made on its thread. */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    /**
     * Starts the toolkit the way TestFX does (its primary stage, never shown), so that window tests running later
     * in the same JVM find it as they expect.
     */
    public static void startToolkit() throws InterruptedException {
        try {
            org.testfx.api.FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
    }

    public static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(60, TimeUnit.SECONDS);
    }

    public static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(60, TimeUnit.SECONDS);
    }
}
