package com.imagestudio.flow.engine.assets;

/** No share link with this token (or id, for its owner). */
public class ShareNotFoundException extends RuntimeException {

    public ShareNotFoundException(String what) {
        super("no shared board " + what);
    }
}
