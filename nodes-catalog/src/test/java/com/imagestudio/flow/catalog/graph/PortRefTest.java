package com.imagestudio.flow.catalog.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PortRefTest {

    @Test
    void parsesNodeDotPort() {
        assertThat(PortRef.parse("blur.image")).isEqualTo(new PortRef("blur", "image"));
    }

    @Test
    void printsAsNodeDotPort() {
        assertThat(new PortRef("blur", "image")).hasToString("blur.image");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "blur", ".image", "blur.", "a.b.c", "."})
    void refusesTextThatIsNotNodeDotPort(String text) {
        assertThat(PortRef.parse(text)).isNull();
    }
}
