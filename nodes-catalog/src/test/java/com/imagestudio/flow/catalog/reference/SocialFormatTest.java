package com.imagestudio.flow.catalog.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SocialFormatTest {

    @ParameterizedTest
    @EnumSource(SocialFormat.class)
    void everyCoveredZoneLiesInsideItsFormat(SocialFormat format) {
        for (Zone zone : format.coveredZones()) {
            assertThat(zone.x() + zone.width()).as(zone.label()).isLessThanOrEqualTo(format.width());
            assertThat(zone.y() + zone.height()).as(zone.label()).isLessThanOrEqualTo(format.height());
        }
    }

    @ParameterizedTest
    @EnumSource(SocialFormat.class)
    void theAspectLabelMatchesTheSize(SocialFormat format) {
        String[] parts = format.aspect().split(":");
        double named = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);

        assertThat(format.ratio()).isCloseTo(named, within(named * 0.02));
    }

    @Test
    void theCommonSizesAreThePublishedOnes() {
        assertThat(size(SocialFormat.INSTAGRAM_SQUARE)).isEqualTo("1080x1080");
        assertThat(size(SocialFormat.INSTAGRAM_PORTRAIT)).isEqualTo("1080x1350");
        assertThat(size(SocialFormat.INSTAGRAM_STORY)).isEqualTo("1080x1920");
        assertThat(size(SocialFormat.FACEBOOK_COVER)).isEqualTo("851x315");
        assertThat(size(SocialFormat.LINKEDIN_BANNER)).isEqualTo("1584x396");
        assertThat(size(SocialFormat.YOUTUBE_BANNER)).isEqualTo("2560x1440");
        assertThat(SocialFormat.X_POST.maxFileBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void theYoutubeBannerIsSafeOnlyInItsCentre() {
        assertThat(SocialFormat.YOUTUBE_BANNER.safeArea()).isEqualTo(new SafeArea(507, 508, 1546, 423));
    }

    @Test
    void aStoryIsSafeBetweenItsBars() {
        assertThat(SocialFormat.INSTAGRAM_STORY.safeArea()).isEqualTo(new SafeArea(0, 250, 1080, 1330));
    }

    @Test
    void smallZonesDoNotShrinkTheSafeArea() {
        assertThat(SocialFormat.YOUTUBE_THUMBNAIL.safeArea()).isEqualTo(new SafeArea(0, 0, 1280, 720));
    }

    @Test
    void anIdIsTheWireValue() {
        assertThat(SocialFormat.TIKTOK_COVER.id()).isEqualTo("tiktok_cover");
        assertThat(SocialFormat.ofId(" tiktok_cover ")).isEqualTo(SocialFormat.TIKTOK_COVER);
    }

    private static String size(SocialFormat format) {
        return format.width() + "x" + format.height();
    }
}
