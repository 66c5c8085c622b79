package com.imagestudio.flow.web.assets;

import com.imagestudio.flow.engine.assets.AssetCollection;
import com.imagestudio.flow.engine.assets.AssetCollections;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Collections of assets; the assets themselves are searched with {@code GET /api/assets?collection=id}. */
@RestController
@RequestMapping("/api/collections")
class CollectionsController {

    private final AssetCollections collections;
    private final CurrentUser user;

    CollectionsController(AssetCollections collections, CurrentUser user) {
        this.collections = collections;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<AssetCollection> create(@RequestBody AssetRequests.Name body) {
        AssetCollection created = collections.create(user.id(), body.name());
        return ResponseEntity.created(URI.create("/api/collections/" + created.id())).body(created);
    }

    @GetMapping
    List<AssetCollection> list() {
        return collections.list(user.id());
    }

    @GetMapping("/{id}")
    AssetCollection get(@PathVariable String id) {
        return collections.find(user.id(), id);
    }

    @PatchMapping("/{id}")
    AssetCollection rename(@PathVariable String id, @RequestBody AssetRequests.Name body) {
        return collections.rename(user.id(), id, body.name());
    }

    /** The collection goes; its assets stay in the library. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        collections.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assets")
    AssetCollection add(@PathVariable String id, @RequestBody AssetRequests.Ids body) {
        return collections.add(user.id(), id, body.ids());
    }

    @DeleteMapping("/{id}/assets/{assetId}")
    AssetCollection remove(@PathVariable String id, @PathVariable String assetId) {
        return collections.remove(user.id(), id, assetId);
    }
}
