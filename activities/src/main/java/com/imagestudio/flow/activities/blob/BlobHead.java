package com.imagestudio.flow.activities.blob;

/**
 * The first bytes of a blob and its whole size: enough to check a file's header without
 * reading all of it.
 */
public record BlobHead(byte[] bytes, long size) {

    /** Whether the blob is no longer than its head: these are all its bytes. */
    public boolean whole() {
        return bytes.length == size;
    }
}
