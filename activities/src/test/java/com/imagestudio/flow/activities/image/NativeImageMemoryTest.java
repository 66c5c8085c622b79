package com.imagestudio.flow.activities.image;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class NativeImageMemoryTest {

    /** 3000x3000 BGR: 27 MB, under the 32 MB up to which malloc's heaps serve it. */
    private static final int SIDE = 3000;
    private static final long IMAGE_BYTES = (long) SIDE * SIDE * 3;

    @Test
    void anImageIsAllocatedFromMallocsHeapsWhoseMemoryServesTheNextImageNotMappedOnItsOwn() throws Exception {
        assertThat(NativeImageMemory.keepFreedMemory()).isTrue();

        long mappedForTheImage = CompletableFuture.supplyAsync(() -> {
            long before = Glibc.C.mallinfo2().hblkhd;
            try (Mat image = new Mat(SIDE, SIDE, CV_8UC3)) {
                return Glibc.C.mallinfo2().hblkhd - before;
            }
        }).get();

        assertThat(mappedForTheImage).as("bytes mapped apart from malloc's heaps for the image").isLessThan(IMAGE_BYTES);
    }

    @Test
    void mallocSettingsOfTheOperatorAreLeftAlone() {
        assertThat(NativeImageMemory.keepFreedMemory(Map.of("MALLOC_TRIM_THRESHOLD_", "131072"))).isFalse();
        assertThat(NativeImageMemory.keepFreedMemory(Map.of("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=131072"))).isFalse();
    }

    /** glibc's malloc statistics, summed over its heaps (size_t fields: 64-bit here). */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        /** Bytes in blocks mapped on their own. */
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        /** Free bytes in the heaps. */
        public long fordblks;
        public long keepcost;
    }

    private interface Glibc extends Library {
        Glibc C = Native.load("c", Glibc.class);

        MallInfo2 mallinfo2();
    }
}
