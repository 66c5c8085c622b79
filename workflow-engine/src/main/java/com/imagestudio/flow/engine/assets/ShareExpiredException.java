package com.imagestudio.flow.engine.assets;

import java.time.Instant;

/** A share link that existed and has expired. */
public class ShareExpiredException extends RuntimeException {

    public ShareExpiredException(Instant expiredAt) {
        super("this shared board expired at " + expiredAt);
    }
}
