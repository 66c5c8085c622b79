package com.imagestudio.flow.engine.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.engine.json.EngineJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A batch's results, written straight to a stream a page of rows at a time, so a 10,000-row
 * batch never sits in memory: a CSV of every row (line, status, run, outputs, error) and a ZIP
 * of the images its output nodes kept.
 */
@Service
public class BatchResults {

    private static final TypeReference<Map<String, Map<String, PortValue>>> RUN_OUTPUTS = new TypeReference<>() {
    };
    private static final int PAGE = 500;
    static final List<String> CSV_HEADER = List.of("line", "status", "run_id", "output_hashes", "output_urls", "error");

    private final BatchService batches;
    private final JdbcClient jdbc;
    private final BlobStore blobs;

    BatchResults(BatchService batches, JdbcClient jdbc, BlobStore blobs) {
        this.batches = batches;
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** One output a row's run kept: which node and port, and the blob. */
    record Output(String node, String port, BlobRef blob) {
    }

    /** Checks the batch is the owner's; call before the response starts, so a stranger gets a 404. */
    public void checkOwner(String ownerId, String batchId) {
        batches.find(ownerId, batchId);
    }

    public void writeCsv(String ownerId, String batchId, OutputStream out) throws IOException {
        checkOwner(ownerId, batchId);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get());
        for (int after = -1; ; ) {
            List<ResultRow> page = page(batchId, after);
            for (ResultRow row : page) {
                List<String> hashes = row.outputs().stream().map(o -> o.blob().hash()).toList();
                csv.printRecord(row.line(), row.status(), row.runId(), String.join(";", hashes),
                        String.join(";", hashes.stream().map(h -> "/api/blobs/" + h).toList()), row.error());
                after = row.position();
            }
            csv.flush();
            if (page.size() < PAGE) {
                break;
            }
        }
    }

    /** Each kept image as {@code line-<n>-<node>-<port>.<ext>}; rows without outputs add nothing. */
    public void writeZip(String ownerId, String batchId, OutputStream out) throws IOException {
        checkOwner(ownerId, batchId);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (int after = -1; ; ) {
            List<ResultRow> page = page(batchId, after);
            for (ResultRow row : page) {
                for (Output output : row.outputs()) {
                    Optional<InputStream> stream = blobs.open(output.blob().hash());
                    if (stream.isEmpty()) {
                        continue; // deleted since: the CSV still names it
                    }
                    zip.putNextEntry(new ZipEntry("line-" + row.line() + "-" + output.node() + "-" + output.port()
                            + extension(output.blob())));
                    try (InputStream in = stream.get()) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
                after = row.position();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        zip.finish();
    }

    private List<ResultRow> page(String batchId, int afterPosition) {
        return jdbc.sql("""
                        select r.position, r.line_number, r.status, r.run_id, r.error, ru.outputs
                        from batch_rows r left join runs ru on ru.id = r.run_id
                        where r.batch_id = :batch and r.position > :after order by r.position limit :limit""")
                .param("batch", batchId).param("after", afterPosition).param("limit", PAGE)
                .query((rs, i) -> new ResultRow(rs.getInt("position"), rs.getInt("line_number"), rs.getString("status"),
                        rs.getString("run_id"), rs.getString("error"), outputs(rs.getString("outputs"))))
                .list();
    }

    private static List<Output> outputs(String json) {
        List<Output> outputs = new ArrayList<>();
        if (json == null) {
            return outputs;
        }
        EngineJson.read(json, RUN_OUTPUTS).forEach((node, ports) -> ports.forEach((port, value) -> {
            if (value.blob() != null) {
                outputs.add(new Output(node, port, value.blob()));
            } else if (value.list() != null) {
                for (int i = 0; i < value.list().size(); i++) {
                    outputs.add(new Output(node, port + "-" + (i + 1), value.list().get(i)));
                }
            }
        }));
        return outputs;
    }

    private static String extension(BlobRef blob) {
        if ("video/mp4".equals(blob.mediaType())) {
            return ".mp4";
        }
        return Arrays.stream(ImageFormat.values()).filter(f -> f.mediaType().equals(blob.mediaType()))
                .map(ImageFormat::extension).findFirst().orElse("");
    }

    private record ResultRow(int position, int line, String status, String runId, String error, List<Output> outputs) {
    }
}
