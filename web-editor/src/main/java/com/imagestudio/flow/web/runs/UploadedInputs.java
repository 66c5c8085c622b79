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

/**
 * Workflow inputs sent as files: in a multipart request, every part but the JSON one is an image
 * whose part name is the input it binds. Each image is checked and stored, and the input takes
 * its hash.
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
            if (part.getValue().size() != 1) {
                throw new IllegalArgumentException("send one file for input \"" + part.getKey() + "\", got "
                        + part.getValue().size());
            }
            inputs.put(part.getKey(), uploads.store(bytesOf(part.getValue().get(0))).hash());
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
