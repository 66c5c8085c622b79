package com.imagestudio.flow.web.batch;

import com.imagestudio.flow.engine.batch.BatchResults;
import com.imagestudio.flow.engine.batch.BatchRowStatus;
import com.imagestudio.flow.engine.batch.BatchRowView;
import com.imagestudio.flow.engine.batch.BatchService;
import com.imagestudio.flow.engine.batch.BatchSpec;
import com.imagestudio.flow.engine.batch.BatchView;
import com.imagestudio.flow.engine.blobs.ImageUploads;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batches: a graph run once per CSV row or uploaded image. A batch with bad rows is refused with
 * a report of every bad row and its line (400 {@code invalid-batch}), and nothing is stored.
 */
@RestController
@RequestMapping("/api/batches")
class BatchesController {

    private static final int MAX_PAGE = 1_000;

    private final BatchService batches;
    private final BatchResults results;
    private final ImageUploads uploads;
    private final CurrentUser user;

    BatchesController(BatchService batches, BatchResults results, ImageUploads uploads, CurrentUser user) {
        this.batches = batches;
        this.results = results;
        this.uploads = uploads;
        this.user = user;
    }

    /** The spec as JSON, its CSV as text in {@code csv}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchView> create(@RequestBody BatchSpec spec) {
        return created(batches.create(user.id(), spec, null));
    }

    /**
     * The spec (without {@code csv}) in a JSON part named {@code batch}, the CSV as a file part
     * named {@code csv} (optional), and images as file parts named {@code images}: a CSV cell that
     * names an uploaded file binds that image; without a CSV, each image is one row (column {@code file}).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchView> createWithUploads(@RequestPart("batch") BatchSpec spec,
                                                @RequestPart(name = "csv", required = false) MultipartFile csv,
                                                @RequestPart(name = "images", required = false) List<MultipartFile> images) {
        Map<String, String> uploaded = new LinkedHashMap<>();
        for (MultipartFile image : images == null ? List.<MultipartFile>of() : images) {
            String name = image.getOriginalFilename();
            if (name == null || name.isBlank() || uploaded.containsKey(name)) {
                throw new IllegalArgumentException("every uploaded image needs its own file name, got \"" + name + "\"");
            }
            uploaded.put(name, uploads.store(bytesOf(image)).hash());
        }
        byte[] csvBytes = csv != null ? bytesOf(csv)
                : spec.csv() != null ? spec.csv().getBytes(StandardCharsets.UTF_8) : null;
        BatchSpec withoutCsv = spec.withoutCsv();
        return created(batches.create(user.id(), withoutCsv, csvBytes, uploaded, null));
    }

    @GetMapping
    List<BatchView> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return batches.list(user.id(), page(limit), Math.max(0, offset));
    }

    @GetMapping("/{id}")
    BatchView get(@PathVariable String id) {
        return batches.find(user.id(), id);
    }

    @GetMapping("/{id}/rows")
    List<BatchRowView> rows(@PathVariable String id, @RequestParam(required = false) BatchRowStatus status,
                            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return batches.rows(user.id(), id, status, page(limit), Math.max(0, offset));
    }

    @PostMapping("/{id}/retry-failed")
    ResponseEntity<BatchView> retryFailed(@PathVariable String id) {
        return ResponseEntity.accepted().body(batches.retryFailed(user.id(), id));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<BatchView> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(batches.cancel(user.id(), id));
    }

    /** One line per row: line, status, run_id, output_hashes, output_urls, error; streamed. */
    @GetMapping("/{id}/results.csv")
    ResponseEntity<StreamingResponseBody> resultsCsv(@PathVariable String id) {
        String owner = user.id();
        results.checkOwner(owner, id);
        return download(id + "-results.csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                out -> results.writeCsv(owner, id, out));
    }

    /** Every image the rows' output nodes kept, as {@code line-<n>-<node>-<port>.<ext>}; streamed. */
    @GetMapping("/{id}/results.zip")
    ResponseEntity<StreamingResponseBody> resultsZip(@PathVariable String id) {
        String owner = user.id();
        results.checkOwner(owner, id);
        return download(id + "-results.zip", MediaType.parseMediaType("application/zip"),
                out -> results.writeZip(owner, id, out));
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, MediaType type, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static ResponseEntity<BatchView> created(BatchView batch) {
        return ResponseEntity.created(URI.create("/api/batches/" + batch.id())).body(batch);
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        return limit;
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + file.getName(), e);
        }
    }
}
