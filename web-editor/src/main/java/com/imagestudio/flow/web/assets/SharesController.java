package com.imagestudio.flow.web.assets;

import com.imagestudio.flow.engine.assets.CreatedShare;
import com.imagestudio.flow.engine.assets.Share;
import com.imagestudio.flow.engine.assets.ShareRequest;
import com.imagestudio.flow.engine.assets.Shares;
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
import java.time.Duration;
import java.util.List;

/** The user's share links: make one (its token is shown once), list them, revoke one. */
@RestController
@RequestMapping("/api/shares")
class SharesController {

    private static final int DEFAULT_HOURS = 7 * 24;

    private final Shares shares;
    private final CurrentUser user;

    SharesController(Shares shares, CurrentUser user) {
        this.shares = shares;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestBody AssetRequests.NewShare body) {
        int hours = body.expiresInHours() == null ? DEFAULT_HOURS : body.expiresInHours();
        CreatedShare created = shares.create(user.id(), new ShareRequest(body.collectionId(), body.assetIds(), body.title(),
                Duration.ofHours(hours)));
        String url = "/api/shared/" + created.token();
        return ResponseEntity.created(URI.create(url)).body(new Created(created.share(), created.token(), url));
    }

    @GetMapping
    List<Share> list() {
        return shares.list(user.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        shares.revoke(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    record Created(Share share, String token, String url) {
    }
}
