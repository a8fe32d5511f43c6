package org.recworkbench.ui;

import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** ViewModel tests run without a stage: only the (headless) JavaFX toolkit, and calls made on its thread. */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    public static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(10, TimeUnit.SECONDS);
    }

    public static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(60, TimeUnit.SECONDS);
    }

    public static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(60, TimeUnit.SECONDS);
    }
}
