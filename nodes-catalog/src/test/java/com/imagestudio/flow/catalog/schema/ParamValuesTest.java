package com.imagestudio.flow.catalog.schema;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamValuesTest {

    @Test
    void readsAnEnumParamAsItsConstant() {
        ParamValues values = ParamValues.ofChecked(Map.of("mode", "box"));

        assertThat(values.choice("mode", BlurMode.class)).isEqualTo(BlurMode.BOX);
    }

    @Test
    void hasTheSameStringFormWhateverOrderTheValuesCameIn() {
        Map<String, Object> zyx = new LinkedHashMap<>();
        zyx.put("z", 1);
        zyx.put("a", 2);
        Map<String, Object> xyz = new LinkedHashMap<>();
        xyz.put("a", 2);
        xyz.put("z", 1);

        assertThat(ParamValues.ofChecked(zyx)).hasToString("{a=2, z=1}")
                .isEqualTo(ParamValues.ofChecked(xyz));
    }

    @Test
    void namesAParamThatHasNoValue() {
        ParamValues values = ParamValues.ofChecked(Map.of());

        assertThatThrownBy(() -> values.string("prompt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'prompt' has no value");
    }

    @Test
    void givesTheFallbackForAMissingString() {
        assertThat(ParamValues.ofChecked(Map.of()).stringOr("prompt", "none")).isEqualTo("none");
    }
}
