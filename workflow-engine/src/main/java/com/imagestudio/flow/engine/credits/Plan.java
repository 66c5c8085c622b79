package com.imagestudio.flow.engine.credits;

import java.util.Set;

/**
 * What a subscription gives: credits each month, the node categories it may use, and how much
 * it may do at once. Plans are data; changing one is changing this table.
 */
public enum Plan {
    FREE(100, Set.of("Video"), 10, 1),
    BASIC(1_000, Set.of(), 100, 2),
    PRO(5_000, Set.of(), 1_000, 5),
    ENTERPRISE(50_000, Set.of(), 10_000, 20);

    private final int monthlyCredits;
    private final Set<String> excludedCategories;
    private final int maxBatchRows;
    private final int maxConcurrentRuns;

    Plan(int monthlyCredits, Set<String> excludedCategories, int maxBatchRows, int maxConcurrentRuns) {
        this.monthlyCredits = monthlyCredits;
        this.excludedCategories = excludedCategories;
        this.maxBatchRows = maxBatchRows;
        this.maxConcurrentRuns = maxConcurrentRuns;
    }

    public int monthlyCredits() {
        return monthlyCredits;
    }

    public boolean allows(String category) {
        return !excludedCategories.contains(category);
    }

    public int maxBatchRows() {
        return maxBatchRows;
    }

    public int maxConcurrentRuns() {
        return maxConcurrentRuns;
    }
}
