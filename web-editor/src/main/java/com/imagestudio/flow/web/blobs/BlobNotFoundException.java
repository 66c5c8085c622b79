package com.imagestudio.flow.web.blobs;

public class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String hash) {
        super("no blob " + hash);
    }
}
