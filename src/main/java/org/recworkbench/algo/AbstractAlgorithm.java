package org.recworkbench.algo;

import java.util.List;

/** The descriptive half every algorithm shares: id, family, one-line description and parameter specs. */
public abstract class AbstractAlgorithm<P extends Params> implements Algorithm<P> {

    private final String id;
    private final Family family;
    private final String description;
    private final List<ParamSpec> params;

    protected AbstractAlgorithm(String id, Family family, String description, List<ParamSpec> params) {
        this.id = id;
        this.family = family;
        this.description = description;
        this.params = List.copyOf(params);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Family family() {
        return family;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public String toString() {
        return id;
    }
}
