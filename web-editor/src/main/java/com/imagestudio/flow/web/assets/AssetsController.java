package com.imagestudio.flow.web.assets;

import com.imagestudio.flow.engine.assets.Asset;
import com.imagestudio.flow.engine.assets.AssetCollection;
import com.imagestudio.flow.engine.assets.AssetCollections;
import com.imagestudio.flow.engine.assets.AssetDetail;
import com.imagestudio.flow.engine.assets.AssetLibrary;
import com.imagestudio.flow.engine.assets.AssetPage;
import com.imagestudio.flow.engine.assets.AssetQuery;
import com.imagestudio.flow.engine.assets.AssetSearch;
import com.imagestudio.flow.engine.assets.AssetType;
import com.imagestudio.flow.engine.assets.AssetUpdate;
import com.imagestudio.flow.engine.assets.AssetZip;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The asset library: search, upload, read, change, delete, versions, bytes, and bulk operations. */
@RestController
@RequestMapping("/api/assets")
class AssetsController {

    private final AssetLibrary library;
    private final AssetSearch search;
    private final AssetCollections collections;
    private final AssetZip zip;
    private final CurrentUser user;

    AssetsController(AssetLibrary library, AssetSearch search, AssetCollections collections, AssetZip zip,
                     CurrentUser user) {
        this.library = library;
        this.search = search;
        this.collections = collections;
        this.zip = zip;
        this.user = user;
    }

    @GetMapping
    AssetPage search(@RequestParam(required = false) String q, @RequestParam(required = false) AssetType type,
                     @RequestParam(required = false) String nodeType, @RequestParam(required = false) String module,
                     @RequestParam(required = false) String provider, @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to, @RequestParam(required = false) String status,
                     @RequestParam(required = false) Boolean favourite, @RequestParam(required = false) String collection,
                     @RequestParam(required = false) String tag, @RequestParam(required = false) String run,
                     @RequestParam(defaultValue = "created") String sort,
                     @RequestParam(defaultValue = "desc") String order, @RequestParam(defaultValue = "50") int limit,
                     @RequestParam(defaultValue = "0") int offset) {
        return search.search(user.id(), new AssetQuery(q, type, nodeType, module, provider, from, to, status, favourite,
                collection, tag, run, sort(sort), ascending(order), limit, offset));
    }

    /** An image of the user's own, checked before it is stored (part {@code file}; optional {@code name}, {@code tags}). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetDetail> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String name,
                                       @RequestParam(required = false) List<String> tags) throws IOException {
        String named = name != null ? name : file.getOriginalFilename() != null ? file.getOriginalFilename() : "upload";
        AssetDetail asset = library.upload(user.id(), file.getBytes(), named, tags);
        return ResponseEntity.created(URI.create("/api/assets/" + asset.asset().id())).body(asset);
    }

    @GetMapping("/{id}")
    AssetDetail get(@PathVariable String id) {
        return library.find(user.id(), id);
    }

    /** Rename, mark or unmark as favourite, replace the manual tags. */
    @PatchMapping("/{id}")
    AssetDetail update(@PathVariable String id, @RequestBody AssetUpdate update) {
        return library.update(user.id(), id, update);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        library.delete(user.id(), List.of(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable String id) {
        return AssetResponses.content(library.content(user.id(), id));
    }

    @GetMapping("/{id}/versions")
    List<Asset> versions(@PathVariable String id) {
        return library.versions(user.id(), id);
    }

    @PostMapping("/bulk/delete")
    ResponseEntity<Void> deleteAll(@RequestBody AssetRequests.Ids body) {
        library.delete(user.id(), body.ids());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/bulk/tag")
    ResponseEntity<Void> tagAll(@RequestBody AssetRequests.Tagging body) {
        library.tag(user.id(), body.ids(), body.tags());
        return ResponseEntity.noContent().build();
    }

    /** Into this collection, out of the user's other collections. */
    @PostMapping("/bulk/move")
    AssetCollection moveAll(@RequestBody AssetRequests.Move body) {
        if (body.collectionId() == null) {
            throw new IllegalArgumentException("name the collection to move the assets to");
        }
        return collections.move(user.id(), body.ids(), body.collectionId());
    }

    /** A ZIP of the assets, streamed as it is written; an asset the user does not have is a 404 before anything is sent. */
    @PostMapping("/bulk/download")
    ResponseEntity<StreamingResponseBody> downloadAll(@RequestBody AssetRequests.Ids body) {
        List<Asset> assets = zip.prepare(user.id(), body.ids());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("assets.zip").build().toString())
                .body(out -> zip.write(assets, out));
    }

    private static AssetQuery.Sort sort(String sort) {
        try {
            return AssetQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort is created, name or size, got \"" + sort + "\"");
        }
    }

    private static boolean ascending(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new IllegalArgumentException("order is asc or desc, got \"" + order + "\"");
        };
    }
}
