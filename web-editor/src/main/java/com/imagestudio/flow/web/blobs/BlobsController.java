package com.imagestudio.flow.web.blobs;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.engine.blobs.ImageUploads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Stored images by hash: upload one (checked first), or download one. Content never changes. */
@RestController
@RequestMapping("/api/blobs")
class BlobsController {

    private final BlobStore blobs;
    private final ImageUploads uploads;

    BlobsController(BlobStore blobs, ImageUploads uploads) {
        this.blobs = blobs;
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BlobRef> upload(@RequestParam("file") MultipartFile file) throws IOException {
        BlobRef ref = uploads.store(file.getBytes());
        return ResponseEntity.created(URI.create("/api/blobs/" + ref.hash())).body(ref);
    }

    @GetMapping("/{hash}")
    ResponseEntity<InputStreamResource> download(@PathVariable String hash) throws IOException {
        Optional<InputStream> stream = blobs.open(hash);
        if (stream.isEmpty()) {
            throw new BlobNotFoundException(hash);
        }
        InputStream in = stream.get();
        byte[] head = in.readNBytes(32);
        String mediaType = ImageFormat.sniff(head).map(ImageFormat::mediaType).orElse("application/octet-stream");
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .eTag("\"" + hash + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(whole));
    }
}
