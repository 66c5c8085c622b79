package com.imagestudio.flow.web.workflows;

import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.workflows.SavedWorkflow;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import com.imagestudio.flow.engine.workflows.WorkflowEdit;
import com.imagestudio.flow.engine.workflows.WorkflowPage;
import com.imagestudio.flow.engine.workflows.WorkflowRuns;
import com.imagestudio.flow.engine.workflows.WorkflowTrigger;
import com.imagestudio.flow.web.runs.RunWait;
import com.imagestudio.flow.web.runs.UploadedInputs;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.net.URI;
import java.time.Duration;

/**
 * Saved workflows: create, list, read (newest or one version), change (a new graph is a new
 * version), delete, and run with inputs, optionally under an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/workflows")
class WorkflowsController {

    private static final String RUN_PART = "run";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SavedWorkflows workflows;
    private final WorkflowRuns triggers;
    private final RunService runs;
    private final UploadedInputs uploads;
    private final CurrentUser user;

    WorkflowsController(SavedWorkflows workflows, WorkflowRuns triggers, RunService runs, UploadedInputs uploads,
                        CurrentUser user) {
        this.workflows = workflows;
        this.triggers = triggers;
        this.runs = runs;
        this.uploads = uploads;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<SavedWorkflow> create(@RequestBody WorkflowEdit body) {
        SavedWorkflow saved = workflows.create(user.id(), body);
        return ResponseEntity.created(URI.create("/api/workflows/" + saved.id())).body(saved);
    }

    @GetMapping
    WorkflowPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workflows.list(user.id(), page, size);
    }

    @GetMapping("/{id}")
    SavedWorkflow get(@PathVariable String id) {
        return workflows.find(user.id(), id);
    }

    @GetMapping("/{id}/versions/{version}")
    SavedWorkflow version(@PathVariable String id, @PathVariable int version) {
        return workflows.findVersion(user.id(), id, version);
    }

    @PutMapping("/{id}")
    SavedWorkflow update(@PathVariable String id, @RequestBody WorkflowEdit body) {
        return workflows.update(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        workflows.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Runs the workflow: 201 with the new run, or 200 with the run an earlier request with the
     * same {@code Idempotency-Key} started.
     */
    @PostMapping(path = "/{id}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> run(@PathVariable String id, @RequestBody(required = false) WorkflowTrigger body,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                @RequestParam(defaultValue = "0") int wait) {
        return triggered(id, body == null ? new WorkflowTrigger(null, null, null) : body, idempotencyKey, wait);
    }

    /** As above, with the trigger JSON in a part named {@code run} and one image part per input it binds. */
    @PostMapping(path = "/{id}/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RunView> runWithUploads(@PathVariable String id,
                                           @RequestPart(name = RUN_PART, required = false) WorkflowTrigger body,
                                           MultipartHttpServletRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                           @RequestParam(defaultValue = "0") int wait) {
        WorkflowTrigger trigger = body == null ? new WorkflowTrigger(null, null, null) : body;
        return triggered(id, new WorkflowTrigger(uploads.bind(trigger.inputs(), request, RUN_PART), trigger.version(),
                trigger.webhookUrl()), idempotencyKey, wait);
    }

    private ResponseEntity<RunView> triggered(String id, WorkflowTrigger trigger, String idempotencyKey, int wait) {
        Duration waitFor = RunWait.of(wait);
        WorkflowRuns.Triggered triggered = triggers.trigger(user.id(), id, trigger, idempotencyKey);
        RunView run = runs.await(user.id(), triggered.run().id(), waitFor);
        URI location = URI.create("/api/runs/" + run.id());
        return triggered.created()
                ? ResponseEntity.created(location).body(run)
                : ResponseEntity.ok().location(location).body(run);
    }
}
