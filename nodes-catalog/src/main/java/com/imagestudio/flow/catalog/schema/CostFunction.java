package com.imagestudio.flow.catalog.schema;

/** Credits a node costs, computed from its (validated) parameters only, so it can be estimated. */
@FunctionalInterface
public interface CostFunction {

    int credits(ParamValues params);

    static CostFunction free() {
        return params -> 0;
    }

    static CostFunction fixed(int credits) {
        return params -> credits;
    }
}
