package org.recworkbench.algo.kernel;

/** Picks the Vector API kernels when the incubator module is in the boot layer, the scalar ones otherwise. */
final class KernelChoice {

    static final Kernels BEST = choose();

    private KernelChoice() {
    }

    private static Kernels choose() {
        if (Boolean.getBoolean("recworkbench.scalar")
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarKernels();
        }
        try {
            // loaded by name so that this class links without the incubator module
            return (Kernels) Class.forName("org.recworkbench.algo.kernel.VectorKernels").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }
}
