package org.recworkbench.algo;

import java.util.List;

/** An algorithm without parameters. */
public abstract class ParameterlessAlgorithm extends AbstractAlgorithm<NoParams> {

    protected ParameterlessAlgorithm(String id, Family family, String description) {
        super(id, family, description, List.of());
    }

    @Override
    public final NoParams bind(ParamValues values) {
        return new NoParams();
    }
}
