package com.imagestudio.flow.catalog.reference;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionPresetTest {

    @Test
    void customHasNoSettingsOfItsOwn() {
        assertThat(CompressionPreset.CUSTOM.settings()).isEmpty();
    }

    @Test
    void everyOtherPresetSaysFormatQualityAndSize() {
        assertThat(Arrays.stream(CompressionPreset.values()).filter(p -> p != CompressionPreset.CUSTOM))
                .hasSize(5)
                .allSatisfy(p -> assertThat(p.settings()).isPresent());
    }

    @Test
    void maximumCompressionIsSmallerThanHighQuality() {
        var max = CompressionPreset.MAXIMUM_COMPRESSION.settings().orElseThrow();
        var high = CompressionPreset.HIGH_QUALITY.settings().orElseThrow();

        assertThat(max.quality()).isLessThan(high.quality());
        assertThat(max.maxSide()).isPositive();
        assertThat(high.maxSide()).as("full size").isZero();
    }
}
