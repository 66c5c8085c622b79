package com.imagestudio.flow.web.assets;

import com.imagestudio.flow.engine.assets.AssetContent;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** An asset's bytes as an HTTP answer: its media type, its name as the file name, never sniffed. */
final class AssetResponses {

    private AssetResponses() {
    }

    static ResponseEntity<InputStreamResource> content(AssetContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.asset().mediaType()))
                .contentLength(content.asset().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.asset().name(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.stream()));
    }
}
