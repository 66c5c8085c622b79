package com.imagestudio.flow.engine.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {

    @Test
    void aWallClockTimeInParisMovesInUtcWhenTheClocksGoForward() {
        CronSchedule nineAm = CronSchedule.parse("0 9 * * *", "Europe/Paris");

        assertThat(nineAm.next(Instant.parse("2025-03-29T00:00:00Z"), 3)).containsExactly(
                Instant.parse("2025-03-29T08:00:00Z"),
                Instant.parse("2025-03-30T07:00:00Z"),
                Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void aTimeTheClocksSkipDoesNotHappenThatDay() {
        CronSchedule halfPastTwo = CronSchedule.parse("30 2 * * *", "Europe/Paris");

        assertThat(halfPastTwo.next(Instant.parse("2025-03-29T12:00:00Z"), 2)).containsExactly(
                Instant.parse("2025-03-31T00:30:00Z"),
                Instant.parse("2025-04-01T00:30:00Z"));
    }

    @Test
    void aTimeTheClocksRepeatHappensOnce() {
        CronSchedule halfPastTwo = CronSchedule.parse("30 2 * * *", "Europe/Paris");

        assertThat(halfPastTwo.next(Instant.parse("2025-10-25T12:00:00Z"), 2)).containsExactly(
                Instant.parse("2025-10-26T00:30:00Z"),
                Instant.parse("2025-10-27T01:30:00Z"));
    }

    @Test
    void aDayMatchesWhenEitherDayFieldDoesAsInUnixCron() {
        CronSchedule firstOrMonday = CronSchedule.parse("0 9 1 * 1", "UTC");

        assertThat(firstOrMonday.next(Instant.parse("2025-03-30T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2025-03-31T09:00:00Z"),
                Instant.parse("2025-04-01T09:00:00Z"),
                Instant.parse("2025-04-07T09:00:00Z"));
    }

    @Test
    void sixFieldsAnUnknownZoneAndABadFieldAreRefusedSayingWhy() {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 9 * * *", "UTC"))
                .hasMessageStartingWith("cron needs 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 9 * * *", "Europe/Atlantis"))
                .hasMessage("unknown time zone \"Europe/Atlantis\"; use a name such as Europe/Paris");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", "UTC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid cron expression \"0 25 * * *\"");
    }
}
