package com.imagestudio.flow.web.runs;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Starting and following runs. {@code ?wait=N} holds the answer up to N seconds (see {@link RunWait})
 * for the run to end, which keeps scripts and curl simple.
 */
@RestController
@RequestMapping("/api/runs")
class RunsController {

    private static final String RUN_PART = "run";

    private final RunService runs;
    private final UploadedInputs uploads;
    private final CurrentUser user;
    private final BlobStore blobs;

    RunsController(RunService runs, UploadedInputs uploads, CurrentUser user, BlobStore blobs) {
        this.runs = runs;
        this.uploads = uploads;
        this.user = user;
        this.blobs = blobs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(@RequestBody RunStart body, @RequestParam(defaultValue = "0") int wait) {
        return started(body.graph(), body.inputs(), wait);
    }

    /**
     * The graph and inputs in a JSON part named {@code run}; each other part is an image file
     * whose part name is the workflow input it binds.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RunView> startWithUploads(@RequestPart(RUN_PART) RunStart body, MultipartHttpServletRequest request,
                                             @RequestParam(defaultValue = "0") int wait) {
        return started(body.graph(), uploads.bind(body.inputs(), request, RUN_PART), wait);
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable String id, @RequestParam(defaultValue = "0") int wait) {
        return runs.await(user.id(), id, RunWait.of(wait));
    }

    /**
     * An output node's result: a single image or file redirects to its blob (so {@code curl -L}
     * downloads it); a list of images (a node run once per image of a folder) comes as a ZIP of
     * {@code <node>-<n>.<ext>} entries.
     */
    @GetMapping("/{id}/outputs/{nodeId}")
    ResponseEntity<StreamingResponseBody> output(@PathVariable String id, @PathVariable String nodeId) {
        RunView run = runs.find(user.id(), id);
        PortValue value = run.outputs().getOrDefault(nodeId, Map.of()).values().stream()
                .filter(v -> v.blob() != null || v.list() != null).findFirst()
                .orElseThrow(() -> new OutputNotFoundException(id, nodeId, run.status()));
        if (value.blob() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/api/blobs/" + value.blob().hash())).build();
        }
        List<BlobRef> images = value.list();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(nodeId.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip").build().toString())
                .body(out -> {
                    try (ZipOutputStream zip = new ZipOutputStream(out)) {
                        for (int i = 0; i < images.size(); i++) {
                            BlobRef image = images.get(i);
                            zip.putNextEntry(new ZipEntry(nodeId + "-" + (i + 1) + ImageFormat.ofMediaType(image.mediaType())
                                    .map(ImageFormat::extension).orElse("")));
                            try (InputStream in = blobs.open(image.hash()).orElseThrow(() ->
                                    new IOException("blob " + image.hash() + " of run " + id + " is gone"))) {
                                in.transferTo(zip);
                            }
                            zip.closeEntry();
                        }
                    }
                });
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<RunView> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(runs.cancel(user.id(), id));
    }

    /**
     * Starts the failed or cancelled run again as a new run ({@code retryOf} names this one): the
     * nodes that had succeeded come from the cache, so the work resumes at the node that failed.
     */
    @PostMapping("/{id}/retry")
    ResponseEntity<RunView> retry(@PathVariable String id, @RequestParam(defaultValue = "0") int wait) {
        Duration waitFor = RunWait.of(wait);
        RunView run = runs.retry(user.id(), id);
        return ResponseEntity.created(URI.create("/api/runs/" + run.id())).body(runs.await(user.id(), run.id(), waitFor));
    }

    private ResponseEntity<RunView> started(Graph graph, Map<String, Object> inputs, int wait) {
        if (graph == null) {
            throw new IllegalArgumentException("the body needs a \"graph\" to run");
        }
        Duration waitFor = RunWait.of(wait);
        RunView run = runs.start(user.id(), graph, inputs);
        RunView reported = runs.await(user.id(), run.id(), waitFor);
        return ResponseEntity.created(URI.create("/api/runs/" + run.id())).body(reported);
    }
}
