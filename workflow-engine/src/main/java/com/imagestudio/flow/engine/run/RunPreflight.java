package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.InsufficientCreditsException;
import com.imagestudio.flow.engine.credits.NotInPlanException;
import com.imagestudio.flow.engine.credits.Plan;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

import java.util.List;

/** Checks a run against its owner's plan and reserves its estimated cost. */
@Component
class RunPreflight implements PreflightActivities {

    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final CreditLedger ledger;
    private final NodeCatalog catalog;

    RunPreflight(RunRepository runs, RunNodeRepository nodes, CreditLedger ledger, NodeCatalog catalog) {
        this.runs = runs;
        this.nodes = nodes;
        this.ledger = ledger;
        this.catalog = catalog;
    }

    @Override
    public void reserveCredits(String runId) {
        RunEntity run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        List<RunNodeEntity> planned = nodes.findByRunIdOrderByPosition(runId);
        try {
            Plan plan = ledger.ensureAccount(run.ownerId());
            for (RunNodeEntity node : planned) {
                String category = catalog.latest(node.nodeType()).map(NodeDefinition::schema)
                        .map(schema -> schema.category()).orElse("");
                if (!plan.allows(category)) {
                    throw new NotInPlanException("node \"" + node.nodeId() + "\" (" + node.nodeType() + ", " + category
                            + ") is not in the " + plan.name().toLowerCase() + " plan");
                }
            }
            ledger.reserve(runId, run.ownerId(), planned.stream().mapToInt(RunNodeEntity::credits).sum());
        } catch (InsufficientCreditsException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), InsufficientCreditsException.TYPE);
        } catch (NotInPlanException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), NotInPlanException.TYPE);
        }
    }
}
