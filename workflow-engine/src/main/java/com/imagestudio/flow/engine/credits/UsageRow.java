package com.imagestudio.flow.engine.credits;

import java.time.LocalDate;

/** Credits charged on one day for one node type, and how many nodes ran. */
public record UsageRow(LocalDate day, String nodeType, int credits, int nodes) {
}
