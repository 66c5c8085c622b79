package com.imagestudio.flow.activities.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage: a blob's name is the SHA-256 of its bytes, so writing the same
 * content twice stores it once, and a reference can never point at changed bytes.
 */
public interface BlobStore {

    /** Stores the bytes (idempotent) and returns their reference, without dimensions. */
    BlobRef put(byte[] bytes, String mediaType) throws IOException;

    /** The bytes of a blob, or empty if no blob has this hash. */
    Optional<byte[]> get(String hash) throws IOException;

    /** The first {@code maxBytes} bytes of a blob (all of a shorter one) and its size, or empty if no blob has this hash. */
    Optional<BlobHead> head(String hash, int maxBytes) throws IOException;

    /** Streams a blob, or empty if no blob has this hash. The caller closes the stream. */
    Optional<InputStream> open(String hash) throws IOException;

    boolean exists(String hash) throws IOException;

    /** Removes a blob; false if it was not there. */
    boolean delete(String hash) throws IOException;
}
