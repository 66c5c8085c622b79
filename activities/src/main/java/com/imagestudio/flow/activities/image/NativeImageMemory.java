package com.imagestudio.flow.activities.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Makes glibc's malloc keep the memory of freed images for the next one. By default it gives a
 * freed block of several megabytes (a decoded photo) back to the system, and the next image's
 * pixels fault in fresh zeroed pages: in W1 about 2300 page faults, some 3 ms of a core, per 4000x3000
 * photo. Kept, the same memory serves image after image. The cost: a worker's resident memory
 * stays at its peak instead of shrinking when it is idle.
 * <p>
 * Done once per process, before the first image is decoded. Left to the operator when glibc's own
 * {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} or {@code GLIBC_TUNABLES} are set,
 * and skipped where the C library is not glibc.
 */
public final class NativeImageMemory {

    private static final Logger LOG = LoggerFactory.getLogger(NativeImageMemory.class);
    /** Blocks up to this size come from malloc's heaps, not from mmap: glibc's upper limit on 64-bit. */
    private static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    /** Free memory at a heap's top is given back to the system only beyond this. */
    private static final int TRIM_THRESHOLD = 256 * 1024 * 1024;
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static Boolean kept;

    private NativeImageMemory() {
    }

    /** Sets malloc up, the first time it is called; answers whether freed image memory is kept for reuse. */
    public static synchronized boolean keepFreedMemory() {
        if (kept == null) {
            kept = keepFreedMemory(System.getenv());
        }
        return kept;
    }

    private interface GlibcMalloc extends Library {
        String gnu_get_libc_version();

        int mallopt(int param, int value);
    }

    static boolean keepFreedMemory(Map<String, String> environment) {
        if (!Platform.isLinux() || environment.containsKey("MALLOC_MMAP_THRESHOLD_")
                || environment.containsKey("MALLOC_TRIM_THRESHOLD_")
                || environment.getOrDefault("GLIBC_TUNABLES", "").contains("glibc.malloc.")) {
            return false;
        }
        try {
            GlibcMalloc glibc = Native.load("c", GlibcMalloc.class);
            String version = glibc.gnu_get_libc_version();
            boolean set = glibc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 && glibc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            LOG.info("glibc {} malloc {} freed image memory for reuse", version, set ? "keeps" : "refused to keep");
            return set;
        } catch (UnsatisfiedLinkError notGlibc) {
            LOG.info("the C library is not glibc: freed image memory is left to its malloc ({})", notGlibc.getMessage());
            return false;
        }
    }
}
