package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.provider.Provider;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

    @Test
    void thereAreAtLeast27TemplatesWithUniqueIdsAndPositiveSizes() {
        List<PlatformTemplate> all = PlatformTemplates.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(27);
        assertThat(all).extracting(PlatformTemplate::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9_]+"));
        assertThat(all).allSatisfy(t -> {
            assertThat(t.width()).isBetween(1, 16383);
            assertThat(t.height()).isBetween(1, 16383);
            assertThat(t.compositionHint()).isNotBlank();
            assertThat(t.suggestedProvider()).isNotNull();
        });
    }

    @Test
    void thereAreAtLeast40StylePresetsWithUniqueIdsAndFragments() {
        List<StylePreset> all = StylePresets.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).extracting(StylePreset::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9_]+"));
        assertThat(all).allSatisfy(s -> assertThat(s.promptFragments()).isNotEmpty());
    }

    @Test
    void stabilityStylePresetsAreValuesStabilityAccepts() {
        List<String> accepted = List.of("3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art",
                "enhance", "fantasy-art", "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk",
                "origami", "photographic", "pixel-art", "tile-texture");

        assertThat(StylePresets.all()).map(StylePreset::stabilityStylePreset)
                .allMatch(v -> v == null || accepted.contains(v));
    }

    @Test
    void aStoryTemplateMapsToNineBySixteen() {
        PlatformTemplate story = PlatformTemplates.find("instagram_story").orElseThrow();

        assertThat(story.nearestRatio(EnumSet.allOf(AspectRatio.class))).isEqualTo(AspectRatio.PORTRAIT_9_16);
    }

    @Test
    void aBannerMapsToTheWidestRatioAProviderAllows() {
        PlatformTemplate banner = PlatformTemplates.find("linkedin_banner").orElseThrow();

        assertThat(banner.nearestRatio(EnumSet.allOf(AspectRatio.class))).isEqualTo(AspectRatio.LANDSCAPE_21_9);
        assertThat(banner.nearestRatio(EnumSet.of(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.LANDSCAPE_4_3)))
                .isEqualTo(AspectRatio.LANDSCAPE_16_9);
    }

    @Test
    void theExpanderAddsStyleAndCompositionOnceAndKeepsThePromptFirst() {
        StylePreset watercolor = StylePresets.find("watercolor").orElseThrow();
        PlatformTemplate square = PlatformTemplates.find("instagram_square").orElseThrow();

        PromptExpander.Expanded out = PromptExpander.expand("  a fox in snow, Paper texture ", watercolor, square);

        assertThat(out.prompt()).isEqualTo("a fox in snow, Paper texture, watercolour painting, soft washes, "
                + "centred subject, highly detailed, balanced composition, professional quality");
        assertThat(out.negativePrompt()).startsWith("photo, blurry");
        assertThat(PromptExpander.expand("  a fox in snow, Paper texture ", watercolor, square)).isEqualTo(out);
    }

    @Test
    void theExpanderWithoutStyleOrTemplateAddsOnlyQualityWords() {
        assertThat(PromptExpander.expand("a fox", null, null))
                .isEqualTo(new PromptExpander.Expanded("a fox, highly detailed, balanced composition, professional quality", ""));
    }

    @Test
    void everyProviderHasAnEnvironmentVariable() {
        assertThat(EnumSet.allOf(Provider.class)).extracting(Provider::envVariable)
                .containsExactly("STABILITY_API_KEY", "WAVESPEED_API_KEY", "HF_TOKEN", "GEMINI_API_KEY");
    }

    @Test
    void anUnknownCostKeyIsRefused() {
        assertThat(ProviderCosts.credits("stability.generate.ultra")).isEqualTo(8);
        assertThatThrownBy(() -> ProviderCosts.credits("stability.generate.magic"))
                .hasMessageContaining("stability.generate.magic");
    }
}
