package com.imagestudio.flow.activities.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColorsTest {

    @Test
    void readsRgbHexIntoBgrOrderWithOpaqueAlpha() {
        var colour = Colors.bgra("#ff8000");

        assertThat(new double[] {colour.get(0), colour.get(1), colour.get(2), colour.get(3)})
                .containsExactly(0, 128, 255, 255);
    }

    @Test
    void readsAnAlphaWhenGiven() {
        assertThat(Colors.bgra("#00000080").get(3)).isEqualTo(128);
    }

    @Test
    void refusesAnythingElseNamingTheExpectedForm() {
        assertThatThrownBy(() -> Colors.bgra("orange")).hasMessageContaining("#rrggbb");
    }
}
