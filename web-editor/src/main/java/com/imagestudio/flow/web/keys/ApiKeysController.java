package com.imagestudio.flow.web.keys;

import com.imagestudio.flow.engine.users.ApiKeys;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The asking user's API keys: create (the secret is in this answer only), list, revoke. */
@RestController
@RequestMapping("/api/keys")
class ApiKeysController {

    private final ApiKeys keys;
    private final CurrentUser user;

    ApiKeysController(ApiKeys keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ApiKeys.CreatedKey> create(@RequestBody NewKey body) {
        ApiKeys.CreatedKey created = keys.create(user.id(), body.name());
        return ResponseEntity.created(URI.create("/api/keys/" + created.key().id())).body(created);
    }

    @GetMapping
    List<ApiKeys.ApiKey> list() {
        return keys.list(user.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!keys.revoke(user.id(), id)) {
            throw new KeyNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    record NewKey(String name) {
    }
}
