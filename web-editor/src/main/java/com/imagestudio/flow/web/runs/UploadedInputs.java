package com.imagestudio.flow.web.runs;

import com.imagestudio.flow.engine.blobs.ImageUploads;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Workflow inputs sent as files: in a multipart request, every part but the JSON one is an image
 * whose part name is the input it binds. Each image is checked and stored, and the input takes
 * its hash; several files under one name (a folder for {@code LoadImages}) give their hashes
 * joined by commas, in the order sent.
 */
@Component
public class UploadedInputs {

    private final ImageUploads uploads;

    UploadedInputs(ImageUploads uploads) {
        this.uploads = uploads;
    }

    /** The inputs given in JSON, plus one per uploaded file (a file wins over a JSON value of the same name). */
    public Map<String, Object> bind(Map<String, Object> jsonInputs, MultipartHttpServletRequest request, String jsonPart) {
        Map<String, Object> inputs = new HashMap<>(jsonInputs);
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            if (part.getKey().equals(jsonPart)) {
                continue; // curl -F 'run=@graph.json' sends the JSON as a file too
            }
            inputs.put(part.getKey(), part.getValue().stream().map(file -> uploads.store(bytesOf(file)).hash())
                    .collect(Collectors.joining(",")));
        }
        return inputs;
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + file.getName(), e);
        }
    }
}
