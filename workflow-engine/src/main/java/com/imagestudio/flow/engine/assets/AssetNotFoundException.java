package com.imagestudio.flow.engine.assets;

/** No such asset for this owner: another user's asset is no such asset. */
public class AssetNotFoundException extends RuntimeException {

    public AssetNotFoundException(String id) {
        super("no asset " + id);
    }
}
