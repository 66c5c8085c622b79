package com.imagestudio.flow.catalog.schema;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParamSpecTest {

    @Nested
    class Integers {

        private final ParamSpec radius = ParamSpec.integer("radius", "").between(1, 100);

        @Test
        void acceptsAWholeNumberAsAnInteger() {
            ParamSpec.Checked checked = radius.check(3);

            assertThat(checked.isValid()).isTrue();
            assertThat(checked.value()).isEqualTo(3);
        }

        @Test
        void acceptsAWholeDoubleAsJsonParsersGiveItAndReturnsAnInteger() {
            ParamSpec.Checked checked = radius.check(3.0);

            assertThat(checked.isValid()).isTrue();
            assertThat(checked.value()).isInstanceOf(Integer.class).isEqualTo(3);
        }

        @Test
        void acceptsALongAndReturnsAnInteger() {
            assertThat(radius.check(7L).value()).isInstanceOf(Integer.class).isEqualTo(7);
        }

        @Test
        void refusesAFraction() {
            ParamSpec.Checked checked = radius.check(3.5);

            assertThat(checked.isValid()).isFalse();
            assertThat(checked.problem()).isEqualTo("must be a whole number, got 3.5");
        }

        @Test
        void refusesAStringEvenWhenItHoldsDigits() {
            ParamSpec.Checked checked = radius.check("3");

            assertThat(checked.isValid()).isFalse();
            assertThat(checked.problem()).isEqualTo("must be a whole number, got \"3\"");
        }

        @Test
        void refusesNaN() {
            assertThat(radius.check(Double.NaN).isValid()).isFalse();
        }

        @Test
        void refusesInfinity() {
            ParamSpec unbounded = ParamSpec.integer("seed", "");

            assertThat(unbounded.check(Double.POSITIVE_INFINITY).isValid()).isFalse();
        }

        @Test
        void refusesAWholeNumberTooLargeForAnIntegerInsteadOfWrappingIt() {
            ParamSpec unbounded = ParamSpec.integer("seed", "");

            ParamSpec.Checked checked = unbounded.check(3_000_000_000L);

            assertThat(checked.problem()).isEqualTo("must be between -2147483648 and 2147483647, got 3000000000");
        }

        @Test
        void acceptsTheBoundsOfItsRange() {
            assertThat(radius.check(1).isValid()).isTrue();
            assertThat(radius.check(100).isValid()).isTrue();
        }

        @Test
        void refusesAValueBelowItsRange() {
            ParamSpec.Checked checked = radius.check(0);

            assertThat(checked.isValid()).isFalse();
            assertThat(checked.problem()).isEqualTo("must be between 1 and 100, got 0");
        }

        @Test
        void refusesAValueAboveItsRange() {
            assertThat(radius.check(101).problem()).isEqualTo("must be between 1 and 100, got 101");
        }

        @Test
        void refusesNull() {
            assertThat(radius.check(null).problem()).isEqualTo("is null");
        }
    }

    @Nested
    class Numbers {

        private final ParamSpec strength = ParamSpec.number("strength", "").between(0, 1);

        @Test
        void acceptsAFractionInItsRange() {
            assertThat(strength.check(0.25).value()).isEqualTo(0.25);
        }

        @Test
        void acceptsAnIntegerAndReturnsADouble() {
            assertThat(strength.check(1).value()).isInstanceOf(Double.class).isEqualTo(1.0);
        }

        @Test
        void refusesAValueOutsideItsRangeNamingTheBounds() {
            assertThat(strength.check(1.5).problem()).isEqualTo("must be between 0 and 1, got 1.5");
        }

        @Test
        void saysUnboundedForAMissingBound() {
            ParamSpec positive = new ParamSpec("gain", ParamType.NUMBER, "", null, 0.0, null, null, null, false);

            assertThat(positive.check(-0.5).problem()).isEqualTo("must be between 0 and unbounded, got -0.5");
        }

        @Test
        void refusesNaN() {
            assertThat(strength.check(Double.NaN).problem()).startsWith("must be a number");
        }

        @Test
        void refusesAString() {
            assertThat(strength.check("0.5").problem()).isEqualTo("must be a number, got \"0.5\"");
        }
    }

    @Nested
    class Booleans {

        private final ParamSpec flag = ParamSpec.bool("keepAspect", "");

        @Test
        void acceptsTrueAndFalse() {
            assertThat(flag.check(true).value()).isEqualTo(true);
            assertThat(flag.check(false).value()).isEqualTo(false);
        }

        @Test
        void refusesTheStringTrue() {
            assertThat(flag.check("true").problem()).isEqualTo("must be true or false, got \"true\"");
        }

        @Test
        void refusesOne() {
            assertThat(flag.check(1).isValid()).isFalse();
        }

        @Test
        void defaultsToFalse() {
            assertThat(flag.defaultValue()).isEqualTo(false);
        }
    }

    @Nested
    class Choices {

        private final ParamSpec mode = ParamSpec.choice("mode", "", BlurMode.class);

        @Test
        void offersEachEnumConstantByItsLowerCaseNameWithLabelAndDescription() {
            assertThat(mode.choices()).containsExactly(
                    new Choice("gaussian", "Gaussian", "Smooth, weighted by distance"),
                    new Choice("box", "Box", "Flat average of the neighbourhood"));
        }

        @Test
        void acceptsAWireValue() {
            assertThat(mode.check("box").value()).isEqualTo("box");
        }

        @Test
        void refusesTheConstantNameOrTheLabel() {
            assertThat(mode.check("BOX").isValid()).isFalse();
            assertThat(mode.check("Box").isValid()).isFalse();
        }

        @Test
        void refusesAnUnknownValueListingTheAllowedOnes() {
            assertThat(mode.check("motion").problem()).isEqualTo("must be one of [gaussian, box], got \"motion\"");
        }

        @Test
        void storesAnEnumDefaultAsItsWireValue() {
            assertThat(mode.withDefault(BlurMode.BOX).defaultValue()).isEqualTo("box");
        }
    }

    @Nested
    class Colours {

        private final ParamSpec colour = ParamSpec.color("background", "");

        @Test
        void acceptsSixHexDigits() {
            assertThat(colour.check("#ff8800").value()).isEqualTo("#ff8800");
        }

        @Test
        void acceptsEightHexDigitsWithAlphaInEitherCase() {
            assertThat(colour.check("#FF880080").isValid()).isTrue();
        }

        @Test
        void refusesANamedColour() {
            assertThat(colour.check("orange").problem()).isEqualTo("must be a colour like #ff8800, got \"orange\"");
        }

        @Test
        void refusesShortHexWithoutTheHash() {
            assertThat(colour.check("f80").isValid()).isFalse();
            assertThat(colour.check("#f80").isValid()).isFalse();
            assertThat(colour.check("ff8800").isValid()).isFalse();
        }

        @Test
        void refusesANonString() {
            assertThat(colour.check(0xff8800).problem()).startsWith("must be a string");
        }
    }

    @Nested
    class Strings {

        @Test
        void acceptsAnyStringWithoutAPattern() {
            assertThat(ParamSpec.string("prompt", "").check("a cat, 35mm").value()).isEqualTo("a cat, 35mm");
        }

        @Test
        void acceptsAStringMatchingItsPatternWhole() {
            ParamSpec slug = ParamSpec.string("name", "").matching("[a-z-]+");

            assertThat(slug.check("my-picture").isValid()).isTrue();
        }

        @Test
        void refusesAStringThatMatchesItsPatternOnlyInPart() {
            ParamSpec slug = ParamSpec.string("name", "").matching("[a-z-]+");

            assertThat(slug.check("my picture!").problem()).isEqualTo("has an invalid format: \"my picture!\"");
        }

        @Test
        void refusesANumber() {
            assertThat(ParamSpec.string("prompt", "").check(42).problem()).isEqualTo("must be a string, got 42");
        }
    }

    @Nested
    class Building {

        @Test
        void eachWithMethodReturnsANewSpecAndLeavesTheOriginalAsItWas() {
            ParamSpec plain = ParamSpec.integer("radius", "");

            ParamSpec ranged = plain.between(1, 10).withDefault(3).mandatory();

            assertThat(plain.min()).isNull();
            assertThat(plain.defaultValue()).isNull();
            assertThat(plain.required()).isFalse();
            assertThat(ranged.min()).isEqualTo(1.0);
            assertThat(ranged.max()).isEqualTo(10.0);
            assertThat(ranged.defaultValue()).isEqualTo(3);
            assertThat(ranged.required()).isTrue();
        }

        @Test
        void aNullDescriptionBecomesEmpty() {
            assertThat(ParamSpec.string("prompt", null).description()).isEmpty();
        }
    }
}
