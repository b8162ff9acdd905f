package cn.liaocheng.strongtown.dashboard.selection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * China's working-day calendar: Monday to Friday work and weekends off, except the State Council's
 * yearly holiday notices — holidays off, and the 调休 Saturdays and Sundays worked. The dates are a data
 * file with its sources ({@code selection/cn-working-calendar.csv}); a date in a year the file does
 * not cover is refused rather than guessed, so a new year's notice must be added before it is used.
 */
public final class WorkingDayCalendar {

    public static final String RESOURCE = "/selection/cn-working-calendar.csv";
    private static final Pattern COVERS = Pattern.compile("#\\s*covers:\\s*(\\d{4})-(\\d{4}).*");

    private final Map<LocalDate, Boolean> exceptions;
    private final int firstYear;
    private final int lastYear;

    WorkingDayCalendar(Map<LocalDate, Boolean> exceptions, int firstYear, int lastYear) {
        this.exceptions = Map.copyOf(exceptions);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The calendar shipped with the application. */
    public static WorkingDayCalendar standard() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("缺少工作日历文件 " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkingDayCalendar parse(BufferedReader reader) throws IOException {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        int first = 0;
        int last = 0;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            Matcher covers = COVERS.matcher(text);
            if (covers.matches()) {
                first = Integer.parseInt(covers.group(1));
                last = Integer.parseInt(covers.group(2));
                continue;
            }
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("date,")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length < 2 || !(cells[1].equals("off") || cells[1].equals("work"))) {
                throw new IllegalStateException("工作日历第 " + number + " 行格式错误：" + text);
            }
            exceptions.put(LocalDate.parse(cells[0]), cells[1].equals("work"));
        }
        if (first == 0) {
            throw new IllegalStateException("工作日历缺少 covers 行");
        }
        return new WorkingDayCalendar(exceptions, first, last);
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!covers(date)) {
            throw new IllegalArgumentException("工作日历未收录 " + date.getYear() + " 年的放假安排（收录 "
                    + firstYear + "–" + lastYear + " 年），请先补充国务院办公厅当年通知");
        }
        Boolean exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after the date. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The last day of a period of the given number of working days that begins on {@code start}
     * (moved to the next working day if it is none); the first day counts as day one.
     */
    public LocalDate endOfPeriod(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数须至少为 1");
        }
        LocalDate d = onOrAfter(start);
        for (int counted = 1; counted < workingDays; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Working days from {@code from} to {@code to}, both included. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
