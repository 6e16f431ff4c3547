package vn.tracuu.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseDatesTest {

  private static final LocalDate AUG_8 = LocalDate.of(2019, 8, 8);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-08-08",
        "2019-8-8",
        "08/8/2019",
        "8/8/2019",
        "8-8-2019",
        "8.8.2019",
        "ngày 8 tháng 8 năm 2019",
        "Ngày 08 tháng 08 năm 2019",
        "ngay 8 thang 8 nam 2019",
      })
  void parsesEveryWrittenForm(String input) {
    assertEquals(AUG_8, VietnameseDates.parse(input));
  }

  @Test
  void readsDayFirst() {
    assertEquals(LocalDate.of(2019, 3, 7), VietnameseDates.parse("07/03/2019"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"31/2/2019", "2019-02-30", "32/1/2019", "0/1/2019", "ngày 29 tháng 2 năm 2019"})
  void rejectsImpossibleDatesWithAReason(String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VietnameseDates.parse(input));
    assertTrue(e.getMessage().startsWith("impossible date"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hôm qua", "2019", "19/8", "<script>", "9999999999/1/1"})
  void rejectsWhatIsNotADate(String input) {
    assertThrows(IllegalArgumentException.class, () -> VietnameseDates.parse(input));
  }

  @Test
  void findsDatesInTextWrappedAnywhere() {
    String text =
        "Hòa Sơn, ngày 26\ntháng 11 năm\n2025\nCăn cứ Nghị quyết số 17/NQ-CP ngày 07/3/2019";
    List<VietnameseDates.Found> found = VietnameseDates.findAll(text);
    assertEquals(
        List.of(LocalDate.of(2025, 11, 26), LocalDate.of(2019, 3, 7)),
        found.stream().map(VietnameseDates.Found::date).toList());
    assertEquals(
        "ngày 26\ntháng 11 năm\n2025", text.substring(found.get(0).start(), found.get(0).end()));
  }

  @Test
  void skipsImpossibleDatesInText() {
    assertEquals(
        List.of(LocalDate.of(2019, 8, 19)),
        VietnameseDates.findAll("ngày 30/02/2019 và 19/8/2019").stream()
            .map(VietnameseDates.Found::date)
            .toList());
  }

  @Test
  void doesNotReadDocumentNumbersAsDates() {
    assertTrue(VietnameseDates.findAll("Số: 30/2020/NĐ-CP và 1952/QĐ-UBND").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"8/8/19", "08-08-19", "8.8.19"})
  void readsTwoDigitYearsTypedAlone(String input) {
    assertEquals(AUG_8, VietnameseDates.parse(input));
  }

  @Test
  void readsTwoDigitYearsInTextOnlyWithSlashes() {
    assertEquals(
        List.of(AUG_8),
        VietnameseDates.findAll("họp ngày 8/8/19, xem mục 1.2.19").stream()
            .map(VietnameseDates.Found::date)
            .toList());
  }

  @Test
  void aTwoDigitYearIsNeverInTheFarFuture() {
    int next = java.time.Year.now().getValue() + 1;
    String ahead = Integer.toString((next + 1) % 100);
    int year =
        Integer.parseInt(VietnameseDates.fullYear(ahead.length() == 1 ? "0" + ahead : ahead));
    assertTrue(year <= next && year > next - 100, "year " + year);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tháng 8/2019", "tháng 08-2019", "tháng 8 năm 2019", "8/2019", "2019-08"})
  void readsMonths(String input) {
    assertEquals(YearMonth.of(2019, 8), VietnameseDates.parseMonth(input));
  }

  @Test
  void rejectsMonthThirteen() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VietnameseDates.parseMonth("13/2019"));
    assertEquals("impossible month '13/2019': there is no month 13", e.getMessage());
  }

  @Test
  void findsMonthsInTextButNotTheMonthOfAFullDate() {
    List<VietnameseDates.MonthFound> months =
        VietnameseDates.findMonths(
            "Báo cáo tháng 7/2019; họp ngày 8 tháng 8 năm 2019; kế hoạch tháng 9\nnăm 2019");
    assertEquals(
        List.of(YearMonth.of(2019, 7), YearMonth.of(2019, 9)),
        months.stream().map(VietnameseDates.MonthFound::month).toList());
  }

  @Test
  void explainsImpossibleDatesFoundInText() {
    List<VietnameseDates.Rejected> rejected =
        VietnameseDates.findImpossible("ngày 30/02/2019, ngày 31 tháng 4 năm 2020 và 15/13/2019");
    assertEquals(
        List.of("February 2019 has 28 days", "April 2020 has 30 days", "there is no month 13"),
        rejected.stream().map(VietnameseDates.Rejected::reason).toList());
    assertEquals("30/02/2019", rejected.getFirst().text());
  }
}
