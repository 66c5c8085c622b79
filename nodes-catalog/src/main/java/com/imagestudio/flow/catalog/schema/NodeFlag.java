package com.imagestudio.flow.catalog.schema;

public enum NodeFlag {
    /** Its result is a product of the run (it lands in the library), not only an intermediate. */
    OUTPUT,
    /** It costs credits. */
    PAID,
    /** The same inputs may give different results (generative models with random seeds). */
    NON_DETERMINISTIC
}
