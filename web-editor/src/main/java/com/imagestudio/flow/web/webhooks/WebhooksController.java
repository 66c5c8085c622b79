package com.imagestudio.flow.web.webhooks;

import com.imagestudio.flow.engine.webhooks.WebhookSecrets;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secret the asking user's webhook calls are signed with: created or rotated here, shown in
 * this answer only. Rotating takes effect at once, for the next call.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhooksController {

    private final WebhookSecrets secrets;
    private final CurrentUser user;

    WebhooksController(WebhookSecrets secrets, CurrentUser user) {
        this.secrets = secrets;
        this.user = user;
    }

    @PostMapping("/secret")
    ResponseEntity<WebhookSecrets.CreatedSecret> rotateSecret() {
        return ResponseEntity.status(201).body(secrets.rotate(user.id()));
    }
}
