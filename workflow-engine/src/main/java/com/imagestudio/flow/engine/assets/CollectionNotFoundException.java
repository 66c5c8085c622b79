package com.imagestudio.flow.engine.assets;

/** No such collection for this owner. */
public class CollectionNotFoundException extends RuntimeException {

    public CollectionNotFoundException(String id) {
        super("no collection " + id);
    }
}
