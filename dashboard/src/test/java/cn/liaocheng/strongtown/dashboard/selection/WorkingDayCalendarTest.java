package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The working-day calendar against the State Council's notices. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.standard();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void nationalDay2025IsEightDaysOffWithTwoWeekendWorkingDays() {
        for (LocalDate day = d("2025-10-01"); !day.isAfter(d("2025-10-08")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        // 国办发明电〔2024〕12号: 9月28日（周日）、10月11日（周六）上班
        assertThat(d("2025-09-28").getDayOfWeek().name()).isEqualTo("SUNDAY");
        assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
        assertThat(d("2025-10-11").getDayOfWeek().name()).isEqualTo("SATURDAY");
        assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-09-27"))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-10-12"))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-09-30"))).as("an ordinary Tuesday").isTrue();
    }

    @Test
    void aNoticeOverNationalDay2025SkipsTheHolidayAndCountsTheWorkingSaturday() {
        // Thu 25 Sep, Fri 26, (Sat 27 off), Sun 28 work, Mon 29, Tue 30 → five working days
        assertThat(calendar.endOfPeriod(d("2025-09-25"), 5)).isEqualTo(d("2025-09-30"));
        // Mon 29, Tue 30, (1–8 Oct off), Thu 9, Fri 10, Sat 11 work → five working days end on the Saturday
        assertThat(calendar.endOfPeriod(d("2025-09-29"), 5)).isEqualTo(d("2025-10-11"));
        assertThat(calendar.workingDaysBetween(d("2025-09-29"), d("2025-10-11"))).isEqualTo(5);
    }

    @Test
    void aPeriodStartingOnAHolidayStartsOnTheNextWorkingDay() {
        assertThat(calendar.onOrAfter(d("2025-10-03"))).isEqualTo(d("2025-10-09"));
        assertThat(calendar.endOfPeriod(d("2025-10-03"), 1)).isEqualTo(d("2025-10-09"));
    }

    @Test
    void everyYearOfTheFileIsKnown() {
        assertThat(calendar.isWorkingDay(d("2023-01-28"))).as("2023 春节调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(d("2024-02-12"))).as("2024 春节 Monday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("2026 春节调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-07"))).as("2026 国庆 Wednesday").isFalse();
    }

    @Test
    void aYearWithoutANoticeIsRefusedNotGuessed() {
        assertThatThrownBy(() -> calendar.isWorkingDay(d("2027-03-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027");
    }
}
