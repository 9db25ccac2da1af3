package org.qarchive.archive;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A post's publication date as precisely as its page tells it: a day ("2012-12-05"), or only a
 * month ("2012-12") when the page gives nothing but its address's month; never a month made a day
 * by an invented "-01".
 *
 * @param start the day, or the first day of the month for a month-only date (for sorting, ranges
 *     and ages)
 * @param monthOnly whether only the month is known
 */
public record PostDate(LocalDate start, boolean monthOnly) implements Comparable<PostDate> {

  public PostDate {
    Objects.requireNonNull(start, "start");
    if (monthOnly && start.getDayOfMonth() != 1) {
      throw new IllegalArgumentException("a month-only date starts on the 1st, not " + start);
    }
  }

  /** A known day. */
  public static PostDate of(LocalDate day) {
    return new PostDate(day, false);
  }

  /** A date known to the month only. */
  public static PostDate month(int year, int month) {
    return new PostDate(LocalDate.of(year, month, 1), true);
  }

  /**
   * Reads what {@link #toString} writes: {@code 2012-12-05} or {@code 2012-12}.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static PostDate parse(String iso) {
    try {
      if (iso.length() == 7) {
        YearMonth m = YearMonth.parse(iso);
        return month(m.getYear(), m.getMonthValue());
      }
      return of(LocalDate.parse(iso));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: " + iso, e);
    }
  }

  public int year() {
    return start.getYear();
  }

  /** "December 5, 2012", or "December 2012" for a month-only date. */
  public String display() {
    String month = start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return monthOnly
        ? month + " " + start.getYear()
        : month + " " + start.getDayOfMonth() + ", " + start.getYear();
  }

  /** ISO 8601 to its precision: {@code 2012-12-05} or {@code 2012-12}. */
  @Override
  public String toString() {
    return monthOnly ? YearMonth.from(start).toString() : start.toString();
  }

  @Override
  public int compareTo(PostDate o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : Boolean.compare(!monthOnly, !o.monthOnly);
  }
}
