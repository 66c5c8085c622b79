package com.imagestudio.flow.web.user;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is asking. Until API keys and sessions exist, every request is the single local user
 * named by {@code studio.auth.local-user}; every service call already takes an owner, so that
 * per-user data never mixes once real authentication resolves the user here.
 */
@Component
public class CurrentUser {

    private final String localUser;

    CurrentUser(@Value("${studio.auth.local-user:local}") String localUser) {
        this.localUser = localUser;
    }

    public String id() {
        return localUser;
    }
}
